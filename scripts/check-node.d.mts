/** Whether `version` (e.g. "20.19.2") is in an engines `range` (e.g. "^20.19.0 || >=24"). */
export function satisfies(version: string, range: string): boolean;

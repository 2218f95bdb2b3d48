/** Replaced at build time with package.json's version (scripts/build.mjs). */
export const appVersion: string = process.env.COUNTERTOP_VERSION ?? '0.0.0-dev';

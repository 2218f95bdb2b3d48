/** Business days as YYYY-MM-DD in this computer's calendar. */
export const isoDay = (date: Date): string =>
  `${String(date.getFullYear())}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

const shifted = (days: number): Date => {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date;
};

export type Preset = 'today' | 'yesterday' | 'last7' | 'thisMonth';
export const presets: readonly Preset[] = ['today', 'yesterday', 'last7', 'thisMonth'];

export function presetRange(preset: Preset): { from: string; to: string } {
  const today = isoDay(new Date());
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const day = isoDay(shifted(-1));
      return { from: day, to: day };
    }
    case 'last7':
      return { from: isoDay(shifted(-6)), to: today };
    case 'thisMonth':
      return { from: `${today.slice(0, 8)}01`, to: today };
  }
}

import { useTranslation } from 'react-i18next';
import type { ReportFigures } from '@app/api/contract';
import { useMoney } from '../common/format';

const WIDTH = 480;
const HEIGHT = 200;
const PAD_BOTTOM = 22;
// Room above the tallest bar for a short bar's value.
const PAD_TOP = 8;

/**
 * Sales by hour as plain SVG bars (no chart library), hours in business-day order from the
 * cut-off. A negative hour (more given back than sold) draws below the zero line.
 */
export function HourChart({ figures }: { figures: ReportFigures }) {
  const { t } = useTranslation();
  const money = useMoney();
  const hours = figures.byHour;
  const max = Math.max(1, ...hours.map((h) => h.netMinor));
  const min = Math.min(0, ...hours.map((h) => h.netMinor));
  const span = max - min;
  const plot = HEIGHT - PAD_BOTTOM - PAD_TOP;
  const y = (v: number) => PAD_TOP + ((max - v) / span) * plot;
  const slot = WIDTH / hours.length;
  return (
    <svg
      className="hour-chart"
      viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
      role="img"
      aria-label={t('reports.byHour')}
      data-testid="hour-chart"
    >
      <line x1={0} x2={WIDTH} y1={y(0)} y2={y(0)} className="axis" />
      {hours.map((h, i) => {
        const top = Math.min(y(h.netMinor), y(0));
        const height = Math.abs(y(h.netMinor) - y(0));
        return (
          <g key={h.hour}>
            <rect
              x={i * slot + 3}
              y={top}
              width={slot - 6}
              height={Math.max(height, h.netMinor === 0 ? 0 : 1)}
              className={h.netMinor < 0 ? 'bar negative' : 'bar'}
            >
              <title>
                {`${String(h.hour).padStart(2, '0')}:00 · ${String(h.salesCount)} · ${money(h.netMinor, figures.currency)}`}
              </title>
            </rect>
            {h.netMinor !== 0 && (
              <BarValue
                x={i * slot + slot / 2}
                top={top}
                height={height}
                text={money(h.netMinor, figures.currency)}
              />
            )}
            {i % 2 === 0 && (
              <text x={i * slot + slot / 2} y={HEIGHT - 6} textAnchor="middle" className="tick">
                {String(h.hour).padStart(2, '0')}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** Room in a bar, in chart units, for its value written up the bar's inside. */
const LABEL_INSIDE = 64;

/**
 * A bar's value, written upwards: inside a tall bar, just above a short one, so each hour
 * reads without hovering.
 */
function BarValue({
  x,
  top,
  height,
  text,
}: {
  x: number;
  top: number;
  height: number;
  text: string;
}) {
  const inside = height >= LABEL_INSIDE;
  const y = inside ? top + height - 4 : top - 4;
  return (
    <text
      x={x}
      y={y}
      transform={`rotate(-90 ${String(x)} ${String(y)})`}
      dominantBaseline="middle"
      className={inside ? 'bar-value inside' : 'bar-value'}
      data-testid="hour-value"
    >
      {text}
    </text>
  );
}

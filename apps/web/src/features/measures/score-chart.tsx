import { Group, Text } from '@mantine/core';
import { findInstrument, scoreRange } from '@throughline/clinical';
import type {
  InstrumentScores,
  ScoreBand,
  ScoreName,
  ScorePoint,
  Wire,
} from '@throughline/contracts';
import type { ReactElement, ReactNode } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDate } from '../../app/format';
import { bandText } from './measures-api';

// Light fills from least to most severe; the line and labels carry the meaning, not the colour.
const BAND_FILLS = ['#e6f4ea', '#f3f7d9', '#fff4d6', '#ffe6cc', '#fddede', '#f8d0d0'];

type Point = { x: number; label: string; total: number; alert: boolean };

const DAY_MS = 86_400_000;
const RC_FILL = '#868e96';
const RC_OPACITY = 0.25;
const LINE = '#0b7285';
const CUTOFF = '#364fc7';

const tickDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const tickDayYear = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** At most `max` ticks, always the first and the last score's date, evenly between them. */
export function dateTicks(xs: readonly number[], max = 5): number[] {
  const unique = [...new Set(xs)].sort((a, b) => a - b);
  if (unique.length <= max) return unique;
  const step = (unique.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => unique[Math.round(i * step)] as number);
}

/** The y-axis: the instrument's whole score range, so one score sits where it is on the scale. */
export function yDomain(
  scores: Wire<InstrumentScores>,
  on: ScoreName,
  values: number[],
): [number, number] {
  const definition = findInstrument(scores.instrument);
  // A practice's own questionnaire is not shipped with the app: its bands give its range.
  const banded = scores.bands.flatMap((b) => [b.min, b.max]).filter((n): n is number => n !== null);
  const range = definition
    ? scoreRange(definition, on)
    : { min: Math.min(0, ...banded), max: Math.max(1, ...banded, ...values) };
  return [Math.min(range.min, ...values), Math.max(range.max, ...values)];
}

/** The scale the chart is drawn on: WHO-5 uses the percentage, the others the total. */
export function scaleOf(scores: Wire<InstrumentScores>): ScoreName {
  return scores.reliableChange?.on ?? scores.bands[0]?.on ?? 'total';
}

export function valueOn(p: Wire<ScorePoint>, on: ScoreName): number {
  return on === 'percentage' ? (p.percentage ?? p.total) : p.total;
}

/** Bands are inclusive integer ranges; each area runs to where the next band starts. */
function bandAreas(bands: ScoreBand[], yMin: number, yMax: number) {
  const sorted = [...bands].sort((a, b) => (a.min ?? yMin) - (b.min ?? yMin));
  return sorted.map((b, i) => {
    const next = sorted[i + 1]?.min;
    const y1 = b.min ?? yMin;
    const y2 = next ?? (b.max !== null ? Math.min(yMax, b.max + 1) : yMax);
    return { label: b.label, y1, y2 };
  });
}

/** Greens where scores are healthier, warming towards the worse end of the scale. */
function fillFor(i: number, count: number, direction: Wire<InstrumentScores>['direction']): string {
  const rank = direction === 'higher-is-better' ? count - 1 - i : i;
  const scaled = count <= 1 ? 0 : Math.round((rank / (count - 1)) * (BAND_FILLS.length - 1));
  return BAND_FILLS[scaled] ?? BAND_FILLS[0]!;
}

type DotProps = { cx?: number; cy?: number; payload?: Point; index?: number };

function ScoreDot({ cx, cy, payload, index }: DotProps): ReactElement {
  const key = `dot-${index}`;
  if (cx === undefined || cy === undefined) return <g key={key} />;
  if (payload?.alert) {
    // A red diamond marks a response that raised an alert (shape as well as colour).
    return (
      <path
        key={key}
        d={`M${cx},${cy - 8}L${cx + 8},${cy}L${cx},${cy + 8}L${cx - 8},${cy}Z`}
        fill="#c92a2a"
        stroke="#fff"
        strokeWidth={1.5}
      />
    );
  }
  return <circle key={key} cx={cx} cy={cy} r={4} fill="#0b7285" stroke="#fff" strokeWidth={1} />;
}

/** One legend entry: a small drawing of the mark exactly as the chart draws it, and its words. */
function Key({ swatch, children }: { swatch: ReactElement; children: ReactNode }): ReactElement {
  return (
    <Group gap={4} wrap="nowrap">
      <svg width={20} height={14} aria-hidden="true" focusable="false">
        {swatch}
      </svg>
      <Text size="xs">{children}</Text>
    </Group>
  );
}

/** Scores over sessions with severity bands, the cut-off and the reliable-change band. */
export function ScoreChart({
  scores,
  alertResponses,
  summary,
}: {
  scores: Wire<InstrumentScores>;
  alertResponses: Set<string>;
  summary: string;
}): ReactElement {
  const on = scaleOf(scores);
  // The x-axis is the date each questionnaire was completed, not its number in the series.
  const points: Point[] = scores.series.map((p) => ({
    x: Date.parse(p.completedAt),
    label: formatDate(p.completedAt),
    total: valueOn(p, on),
    alert: alertResponses.has(p.responseId),
  }));
  const values = points.map((p) => p.total);
  const bands = scores.bands.filter((b) => b.on === on);
  const [yMin, yMax] = yDomain(scores, on, values);
  const areas = bandAreas(bands, yMin, yMax);
  const first = points[0]?.total;
  const rc = scores.reliableChange?.on === on ? scores.reliableChange.value : null;
  const cutoff = scores.cutoff?.value ?? null;
  const xs = points.map((p) => p.x);
  // A single date (or one day) gets a few days either side, so its point is not on the edge.
  const spread = Math.max(...xs) - Math.min(...xs);
  const pad = spread < DAY_MS ? 3 * DAY_MS : spread * 0.04;
  const xMin = Math.min(...xs) - pad;
  const xMax = Math.max(...xs) + pad;
  const ticks = dateTicks(xs);
  const years = new Set(xs.map((x) => new Date(x).getFullYear()));
  const tickFormat = years.size > 1 ? tickDayYear : tickDay;
  const hasAlert = points.some((p) => p.alert);

  return (
    <figure style={{ margin: 0 }}>
      <div role="img" aria-label={summary} style={{ width: '100%', height: 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 12, bottom: 8, left: -12 }}>
            {areas.map((a, i) => (
              <ReferenceArea
                key={a.label}
                y1={a.y1}
                y2={a.y2}
                fill={fillFor(i, areas.length, scores.direction)}
                fillOpacity={1}
                ifOverflow="hidden"
              />
            ))}
            {first !== undefined && rc && points.length > 0 && (
              <ReferenceArea
                x1={xMin}
                x2={xMax}
                y1={Math.max(yMin, first - rc)}
                y2={Math.min(yMax, first + rc)}
                fill={RC_FILL}
                fillOpacity={RC_OPACITY}
                ifOverflow="hidden"
              />
            )}
            <CartesianGrid stroke="#dee2e6" strokeDasharray="2 4" />
            <XAxis
              dataKey="x"
              type="number"
              scale="time"
              domain={[xMin, xMax]}
              ticks={ticks}
              tickFormatter={(x: number) => tickFormat.format(new Date(x))}
              tick={{ fill: '#343a40', fontSize: 12 }}
            />
            <YAxis
              domain={[yMin, yMax]}
              allowDecimals={false}
              tick={{ fill: '#343a40', fontSize: 12 }}
            />
            {cutoff !== null && (
              <ReferenceLine
                y={cutoff}
                stroke={CUTOFF}
                strokeWidth={2}
                strokeDasharray="6 3"
                label={{
                  value: `cut-off ${cutoff}`,
                  fill: CUTOFF,
                  fontSize: 12,
                  position: 'insideTopRight',
                }}
              />
            )}
            <Tooltip
              formatter={(value) => [String(value), 'Score']}
              labelFormatter={(_, payload) => payload?.[0]?.payload?.label ?? ''}
            />
            <Line
              type="linear"
              dataKey="total"
              stroke={LINE}
              strokeWidth={2}
              dot={ScoreDot}
              activeDot={{ r: 6 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <Group component="figcaption" gap="md" mt={4}>
        <Key swatch={<line x1={1} y1={7} x2={19} y2={7} stroke={LINE} strokeWidth={2} />}>
          Score, by the date it was completed
        </Key>
        {cutoff !== null && (
          <Key
            swatch={
              <line
                x1={1}
                y1={7}
                x2={19}
                y2={7}
                stroke={CUTOFF}
                strokeWidth={2}
                strokeDasharray="6 3"
              />
            }
          >
            Clinical cut-off
          </Key>
        )}
        {rc && (
          <Key
            swatch={
              <rect x={1} y={2} width={18} height={10} fill={RC_FILL} fillOpacity={RC_OPACITY} />
            }
          >
            Grey band: first score ± {rc} (smaller changes are not reliable)
          </Key>
        )}
        {hasAlert && (
          <Key swatch={<path d="M10,1L16,7L10,13L4,7Z" fill="#c92a2a" />}>Alert raised</Key>
        )}
      </Group>
      {areas.length > 0 && (
        <Group gap="xs" mt={4} aria-label="Severity bands, shaded behind the line">
          <Text size="xs">Shaded bands:</Text>
          {areas.map((a, i) => (
            <Key
              key={a.label}
              swatch={
                <rect
                  x={1}
                  y={2}
                  width={18}
                  height={10}
                  fill={fillFor(i, areas.length, scores.direction)}
                  stroke="#adb5bd"
                />
              }
            >
              {bandText(a.label)}
            </Key>
          ))}
        </Group>
      )}
    </figure>
  );
}

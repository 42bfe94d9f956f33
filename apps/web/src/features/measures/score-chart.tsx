import { Group, Text } from '@mantine/core';
import type {
  InstrumentScores,
  ScoreBand,
  ScoreName,
  ScorePoint,
  Wire,
} from '@throughline/contracts';
import type { ReactElement } from 'react';
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

// Light fills from least to most severe; the line and labels carry the meaning, not the colour.
const BAND_FILLS = ['#e6f4ea', '#f3f7d9', '#fff4d6', '#ffe6cc', '#fddede', '#f8d0d0'];

type Point = { x: number; label: string; total: number; alert: boolean };

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
  const points: Point[] = scores.series.map((p, i) => ({
    x: p.sessionNumber ?? i + 1,
    label: `Session ${p.sessionNumber ?? i + 1}`,
    total: valueOn(p, on),
    alert: alertResponses.has(p.responseId),
  }));
  const values = points.map((p) => p.total);
  const bands = scores.bands.filter((b) => b.on === on);
  const ends = bands.flatMap((b) => [b.min, b.max]).filter((n): n is number => n !== null);
  const yMin = Math.min(0, ...ends, ...values);
  const yMax = Math.max(on === 'percentage' ? 100 : 0, ...ends, ...values);
  const areas = bandAreas(bands, yMin, yMax);
  const first = points[0]?.total;
  const rc = scores.reliableChange?.on === on ? scores.reliableChange.value : null;
  const cutoff = scores.cutoff?.value ?? null;
  const xs = points.map((p) => p.x);
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);

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
                x2={xMax === xMin ? xMin + 1 : xMax}
                y1={Math.max(yMin, first - rc)}
                y2={Math.min(yMax, first + rc)}
                fill="#868e96"
                fillOpacity={0.15}
                stroke="#495057"
                strokeDasharray="4 3"
                ifOverflow="hidden"
              />
            )}
            <CartesianGrid stroke="#dee2e6" strokeDasharray="2 4" />
            <XAxis
              dataKey="x"
              type="number"
              domain={[xMin, xMax === xMin ? xMin + 1 : xMax]}
              allowDecimals={false}
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
                stroke="#364fc7"
                strokeWidth={2}
                strokeDasharray="6 3"
                label={{
                  value: `cut-off ${cutoff}`,
                  fill: '#364fc7',
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
              stroke="#0b7285"
              strokeWidth={2}
              dot={ScoreDot}
              activeDot={{ r: 6 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <Group component="figcaption" gap="md" mt={4}>
        <Text size="xs">— Score</Text>
        {cutoff !== null && <Text size="xs">- - Clinical cut-off</Text>}
        {rc && <Text size="xs">Grey band: first score ± {rc} (reliable change)</Text>}
        {alertResponses.size > 0 && <Text size="xs">◆ Alert raised</Text>}
        <Text size="xs">Shading: severity bands</Text>
      </Group>
    </figure>
  );
}

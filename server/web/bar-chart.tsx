// An accessible horizontal bar chart as inline SVG: role="img" named by its <title> and described by its
// <desc>; each bar carries its number as text. Pages always show the same numbers in a table as well, so the
// chart is a picture of the table, never the only source.
export interface Bar {
  label: string;
  value: number;
}

export function BarChart({
  id,
  title,
  desc,
  bars,
}: {
  id: string;
  title: string;
  desc: string;
  bars: Bar[];
}) {
  const rowHeight = 22;
  const labelWidth = 300;
  const barMax = 320;
  const width = labelWidth + barMax + 60;
  const height = Math.max(1, bars.length) * rowHeight + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const clip = (s: string) => (s.length > 46 ? `${s.slice(0, 45)}…` : s);
  return (
    <figure class="chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {bars.map((b, i) => {
          const y = i * rowHeight + 4;
          const w = Math.round((b.value / max) * barMax);
          return (
            <g key={i}>
              <text x={labelWidth - 8} y={y + 14} text-anchor="end">
                {clip(b.label)}
              </text>
              <rect
                x={labelWidth}
                y={y + 2}
                width={Math.max(w, b.value > 0 ? 2 : 0)}
                height={rowHeight - 6}
                fill="#2f6db5"
              />
              <text x={labelWidth + w + 6} y={y + 14} class={b.value === 0 ? 'zero' : 'value'}>
                {String(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

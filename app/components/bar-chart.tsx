// A horizontal bar chart drawn on the server as one SVG, readable without
// JavaScript and printable. The policy forbids style="", so every size is an
// SVG attribute; widths are percentages of the chart's own width, so the bars
// fit a phone and a laptop while the text keeps its size. The SVG is an image
// named by its caption; the figures themselves are in a table under it, for
// screen readers and for anyone who wants the numbers.
import { useId } from "react";

export type BarRow = { label: string; value: number; /** As printed, when not the plain number ("2.50 credits"). */ shown?: string };

const ROW_HEIGHT = 40;
const LABEL_CHARACTERS = 36;

/** A long label is cut in the picture (the table below has it whole). */
const short = (label: string) => (label.length > LABEL_CHARACTERS ? `${label.slice(0, LABEL_CHARACTERS - 1).trimEnd()}…` : label);

export function BarChart({ caption, rows, valueHeader, labelHeader = "Answer", total }: { caption: string; rows: BarRow[]; valueHeader: string; labelHeader?: string; total?: number }) {
  const id = useId();
  const scale = total ?? Math.max(0, ...rows.map((row) => row.value));
  return (
    <figure className="mt-2 max-w-2xl">
      <figcaption id={`${id}-caption`} className="sr-only">
        {caption}
      </figcaption>
      <svg role="img" aria-labelledby={`${id}-caption`} width="100%" height={rows.length * ROW_HEIGHT} className="block overflow-visible">
        {rows.map((row, index) => {
          const top = index * ROW_HEIGHT;
          return (
            // Two sessions may share a title: the position keeps keys apart.
            <g key={`${index}-${row.label}`}>
              <text x="0" y={top + 14} className="fill-slate-800 text-sm">
                {short(row.label)}
              </text>
              <text x="100%" y={top + 14} textAnchor="end" className="fill-slate-900 text-sm font-semibold tabular-nums">
                {row.shown ?? row.value}
              </text>
              <rect x="0" y={top + 20} width="100%" height="10" rx="2" className="fill-slate-100" />
              <rect x="0" y={top + 20} width={`${scale ? (row.value / scale) * 100 : 0}%`} height="10" rx="2" className="fill-brand-600" />
            </g>
          );
        })}
      </svg>
      <details className="mt-1 text-sm">
        <summary className="cursor-pointer font-semibold text-brand-700">The figures as a table</summary>
        <table className="mt-1 w-full text-left">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-slate-600">
              <th scope="col" className="py-1 pr-3 font-medium">
                {labelHeader}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {valueHeader}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={`${index}-${row.label}`} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-3 font-normal text-slate-800">
                  {row.label}
                </th>
                <td className="py-1 text-right text-slate-900 tabular-nums">{row.shown ?? row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

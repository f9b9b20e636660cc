// Where and when to find a poster's presenter: the board (or e-poster screen)
// and the hours, already formatted in the meeting's time zone.
export function PosterFacts({ board, hours }: { board: string | null; hours: string | null }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="font-semibold text-slate-700">Board</dt>
      <dd className="text-slate-900">{board ?? "Not assigned yet"}</dd>
      <dt className="font-semibold text-slate-700">Presenter at the poster</dt>
      <dd className="text-slate-900">{hours ?? "Hours not set yet"}</dd>
    </dl>
  );
}

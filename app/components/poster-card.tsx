// One poster in the gallery: its number, title, presenting author and
// institution, topic, and a small view of the file — the image itself for an
// image poster, a PDF mark for a PDF, "No file yet" otherwise.
import { Link } from "@remix-run/react";
import { href } from "~/utils/href";

export type PosterCardValues = {
  number: number;
  title: string;
  topic: string | null;
  kind: "POSTER" | "EPOSTER";
  presenter: { name: string; institution: string } | null;
  file: { contentType: string } | null;
  board: string | null;
};

export function PosterCard({ meeting, poster }: { meeting: string; poster: PosterCardValues }) {
  const image = poster.file?.contentType.startsWith("image/");
  return (
    <li className="flex gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <div className="flex h-24 w-20 shrink-0 items-center justify-center overflow-hidden rounded border border-slate-200 bg-slate-50">
        {image ? (
          <img src={href.posterFile(meeting, poster.number)} alt="" loading="lazy" className="h-full w-full object-cover" />
        ) : (
          <span className="text-xs font-bold text-slate-500">{poster.file ? "PDF" : "No file yet"}</span>
        )}
      </div>
      <div className="min-w-0">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          {poster.number} · {poster.kind === "EPOSTER" ? "E-poster" : "Poster"}
          {poster.board ? ` · ${poster.board}` : ""}
        </p>
        <h2 className="font-semibold leading-snug">
          <Link to={href.poster(meeting, poster.number)} className="text-brand-800 underline-offset-2 hover:underline">
            {poster.title}
          </Link>
        </h2>
        {poster.presenter && (
          <p className="text-sm text-slate-700">
            {poster.presenter.name}, {poster.presenter.institution}
          </p>
        )}
        {poster.topic && <p className="text-sm text-slate-600">{poster.topic}</p>}
      </div>
    </li>
  );
}

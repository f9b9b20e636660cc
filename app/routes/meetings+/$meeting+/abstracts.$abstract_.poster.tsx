// The presenter's poster: for the submitter of an abstract accepted as a
// poster or e-poster (decision sent), upload the file (PDF, PNG or JPEG up to
// 20 MB, checked by content), replace it or remove it, and see the board and
// the hours at the poster. Someone else's abstract is a 404; an abstract that
// is not a published poster is a 409. A refused file stores nothing.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { type ProgramHandle } from "./_layout";
import { StatusBanner } from "~/components/console";
import { SubmitButton, useIsPending } from "~/components/forms";
import { pageWidthClass } from "~/components/page-width";
import { PosterFacts } from "~/components/poster-facts";
import { POSTER_PROBLEM_MESSAGES, presenterPoster, removePosterFile, uploadPoster } from "~/models/abstracts/posters.server";
import { formatBytes } from "~/models/abstracts/published";
import { refuse } from "~/models/refusal";
import { requireMeetingAndUser } from "~/server/meeting-page.server";
import { refusalMessage, refusalStatus } from "~/server/refusal.server";
import { href } from "~/utils/href";
import { formatDate, formatTimeRange, zoneAbbreviation } from "~/utils/time";
import { fileBytes, MAX_POSTER_BYTES, readProofForm } from "~/utils/upload.server";

const PosterFormSchema = z.object({ intent: z.enum(["upload", "remove"]) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, user } = await requireMeetingAndUser(request, params);
  const found = await presenterPoster(user.id, meeting.id, params.abstract ?? "");
  if (!found.ok) throw new Response(found.message, { status: refusalStatus(found) });
  const { abstract } = found;
  const poster = abstract.poster;
  const zone = meeting.timeZone;
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    abstract: { id: abstract.id, number: abstract.number ?? 0, title: abstract.title, kind: abstract.decision === "EPOSTER" ? "E-poster" : "Poster" },
    file: poster?.storageKey ? { name: poster.fileName ?? "poster", size: formatBytes(poster.size ?? 0) } : null,
    board: poster?.board ?? null,
    hours:
      poster?.presenterStartsAt && poster.presenterEndsAt
        ? `${formatDate(poster.presenterStartsAt, zone)}, ${formatTimeRange(poster.presenterStartsAt, poster.presenterEndsAt, zone)} ${zoneAbbreviation(zone, poster.presenterStartsAt)}`
        : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireMeetingAndUser(request, params);
  const form = await readProofForm(request, MAX_POSTER_BYTES);
  if (!form.ok) return refusalMessage(refuse("INVALID", POSTER_PROBLEM_MESSAGES["too-large"], "poster"));
  const submission = parseWithZod(form.formData, { schema: PosterFormSchema });
  if (submission.status !== "success") return data({ ok: false as const, message: "Choose to upload or to remove the poster.", field: null }, { status: 400 });
  const abstractId = params.abstract ?? "";
  const outcome =
    submission.value.intent === "upload"
      ? await uploadPoster(user.id, meeting.id, abstractId, await fileBytes(form.formData.get("poster")))
      : await removePosterFile(user.id, meeting.id, abstractId);
  if (!outcome.ok) return refusalMessage(outcome);
  return redirect(`${href.abstractPoster(meeting.slug, abstractId)}?done=${submission.value.intent}`, 303);
}

// The hours are given in the meeting's zone: the program's zone switch does not apply here.
export const handle: ProgramHandle = { showsTimes: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Your poster · ${data.meeting.name}` : "Your poster" }];

export default function PresenterPosterPage() {
  const { meeting, abstract, file, board, hours } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [search] = useSearchParams();
  const done = search.get("done");
  const pending = useIsPending();
  return (
    <div className={`${pageWidthClass} space-y-6 px-4 py-6 sm:px-6 sm:py-8`}>
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-500">
          {abstract.kind} {abstract.number}
        </p>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Your poster</h1>
        <p className="mt-1 text-slate-700">{abstract.title}</p>
      </div>
      {reply && !reply.ok ? (
        <StatusBanner tone="error" outcome>
          {reply.message}
        </StatusBanner>
      ) : done === "upload" ? (
        <StatusBanner tone="success">Your poster is uploaded. It shows in the gallery.</StatusBanner>
      ) : done === "remove" ? (
        <StatusBanner tone="success">Your poster file is removed.</StatusBanner>
      ) : null}

      <section aria-labelledby="poster-where" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="poster-where" className="font-semibold text-slate-900">
          Where and when you present
        </h2>
        <PosterFacts board={board} hours={hours} />
      </section>

      <section aria-labelledby="poster-upload" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="poster-upload" className="font-semibold text-slate-900">
          The poster file
        </h2>
        {file ? (
          <p className="text-sm text-slate-800">
            Uploaded:{" "}
            <a href={href.posterFile(meeting.slug, abstract.number)} className="font-semibold text-brand-700 underline underline-offset-2">
              {file.name}
            </a>{" "}
            ({file.size}). Upload another file to replace it.
          </p>
        ) : (
          <p className="text-sm text-slate-800">No file yet.</p>
        )}
        <Form method="post" encType="multipart/form-data" className="space-y-3">
          <div>
            <label htmlFor="poster" className="block text-sm font-medium text-slate-800">
              Poster (PDF, PNG or JPEG, up to 20 MB)
            </label>
            <input
              id="poster"
              name="poster"
              type="file"
              required
              accept="application/pdf,image/png,image/jpeg"
              aria-invalid={reply && !reply.ok && reply.field === "poster" ? true : undefined}
              className="mt-1 block w-full text-base"
            />
          </div>
          <SubmitButton name="intent" value="upload" pending={pending} pendingLabel="Uploading…">
            {file ? "Replace the poster" : "Upload the poster"}
          </SubmitButton>
        </Form>
        {file && (
          <Form method="post" encType="multipart/form-data">
            <SubmitButton name="intent" value="remove" variant="danger" pending={pending} pendingLabel="Removing…">
              Remove the file
            </SubmitButton>
          </Form>
        )}
      </section>
      <p className="text-sm">
        <Link to={href.poster(meeting.slug, abstract.number)} className="font-semibold text-brand-700 underline underline-offset-2">
          See your poster in the gallery
        </Link>
      </p>
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";

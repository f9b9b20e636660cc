// The committee's decisions: the abstracts ranked by mean review score (spread,
// outliers and disagreement flagged), proposals one by one or in bulk, and
// accepted orals placed into the draft's abstract sessions before anyone is
// told, so the chairs see the sessions fill (and overflow) before accepting.
// Placing is a draft change: it is published from Publish, with the program.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BulkDecisionForms } from "~/components/decision-bulk";
import { DecisionRow, type DecisionRowView } from "~/components/decision-row";
import { ConsolePage, ItemList, linkClass, OutcomeBanner, RowButton, Section, StatusBanner } from "~/components/console";
import { consoleMeta } from "~/components/console-meta";
import { PlainSelect, SubmitButton } from "~/components/forms";
import { AbstractDecision } from "~/generated/prisma/enums";
import { decisionFormSchema } from "~/models/abstracts/decision-forms";
import { DECISION_LABEL, DECISIONS, PREFERENCE_LABEL, TRAINEE_LABEL } from "~/models/abstracts/decision-labels";
import { declineReasons } from "~/models/abstracts/confirmation.server";
import { type BoardFilter, decisionBoard, proposeDecision, proposeInBulk } from "~/models/abstracts/decisions.server";
import { moveOral, placeOral, unplaceOral } from "~/models/abstracts/placement.server";
import { formatScore } from "~/models/abstracts/ranking";
import { requireOrganizer } from "~/server/organizer.server";
import { outcomeMessage } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";
import { formatDate, formatTimeRange } from "~/utils/time";

export const meta = consoleMeta("Decisions");

function readFilter(url: URL): BoardFilter {
  const decision = url.searchParams.get("decision");
  return {
    topic: url.searchParams.get("topic") || null,
    decision: decision === "UNDECIDED" || (decision && decision in AbstractDecision) ? (decision as BoardFilter["decision"]) : null,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const filter = readFilter(new URL(request.url));
  const [board, declined] = await Promise.all([decisionBoard(meeting.id, filter), declineReasons(meeting.id)]);
  const zone = meeting.timeZone;
  const when = (startsAt: string, endsAt: string) => `${formatDate(new Date(startsAt), zone)}, ${formatTimeRange(new Date(startsAt), new Date(endsAt), zone)}`;
  const rows: DecisionRowView[] = board.rows.map((row) => ({
    id: row.id,
    number: row.number,
    title: row.title,
    topic: row.topic?.name ?? null,
    preference: PREFERENCE_LABEL[row.preference],
    trainee: row.traineeLevel ? TRAINEE_LABEL[row.traineeLevel] : null,
    rank: row.rank,
    mean: formatScore(row.mean),
    spread: formatScore(row.spread),
    count: row.count,
    outliers: row.outliers.length,
    highSpread: row.highSpread,
    recommendations: row.recommendations,
    decision: row.decision,
    decisionReason: row.decisionReason,
    notified: !!row.notifiedAt,
    confirmed: !!row.presenterConfirmedAt,
    declined: row.presenterDeclinedAt ? { reason: declined.get(row.number) ?? null } : null,
    placement: row.placement ? { sessionTitle: row.placement.sessionTitle, time: when(row.placement.startsAt, row.placement.endsAt) } : null,
  }));
  return {
    meeting: { slug: meeting.slug },
    filter,
    rows,
    total: board.total,
    topics: board.topics,
    sessions: board.sessions.map((session) => ({ slug: session.slug, label: `${session.title} (${when(session.startsAt, session.endsAt)}, ${session.talks} placed)` })),
    unplaced: board.unplaced,
    stale: board.stale,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const submission = parseWithZod(await readFormData(request), { schema: decisionFormSchema });
  if (submission.status !== "success") {
    const errors = Object.values(submission.error ?? {}).flat().filter(Boolean);
    return data({ ok: false as const, message: errors[0] ?? "This form could not be read. Reload the page and try again.", field: null }, { status: 400 });
  }
  const form = submission.value;
  switch (form.intent) {
    case "propose": {
      const result = await proposeDecision(meeting.id, user, form);
      return outcomeMessage(result, (done) => `Abstract ${done.number} proposed as ${DECISION_LABEL[form.decision].toLowerCase()}.`);
    }
    case "bulk-top":
    case "bulk-below": {
      const result = await proposeInBulk(meeting.id, user, form.intent === "bulk-top" ? { kind: "top", ...form } : { kind: "below", ...form });
      return outcomeMessage(result, (done) => `Abstract${done.numbers.length === 1 ? "" : "s"} ${done.numbers.join(", ")} proposed as ${DECISION_LABEL[form.decision].toLowerCase()}.`);
    }
    case "place": {
      const result = await placeOral(meeting.id, user, form);
      return outcomeMessage(result, "Placed in the draft: publish from Publish.");
    }
    case "unplace": {
      const result = await unplaceOral(meeting.id, user, form.number);
      return outcomeMessage(result, `Abstract ${form.number} taken out of its session in the draft.`);
    }
    case "move": {
      const result = await moveOral(meeting.id, user, form.number, form.direction);
      return outcomeMessage(result, `Abstract ${form.number} moved ${form.direction === "up" ? "earlier" : "later"}.`);
    }
  }
}

export default function Decisions() {
  const { meeting, filter, rows, total, topics, sessions, unplaced, stale } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  // Only the bulk form being sent shows it is under way, not its sibling.
  const intent = useNavigation().formData?.get("intent");
  const pending = intent === "bulk-top" || intent === "bulk-below" ? intent : null;
  return (
    <ConsolePage
      title="Decisions"
      intro={
        <>
          Ranked by mean review score. Proposals stay proposals until the authors are told from{" "}
          <Link to={href.organize.abstractNotifications(meeting.slug)} className={linkClass}>
            Notifications
          </Link>
          . Orals are placed in the draft: publish from{" "}
          <Link to={href.organize.publish(meeting.slug)} className={linkClass}>
            Publish
          </Link>
          .
        </>
      }
    >
      <div className="max-w-4xl space-y-6">
        <OutcomeBanner outcome={outcome} />
        {unplaced.length ? (
          <StatusBanner tone="warning">
            Accepted as oral but not placed in a session: {unplaced.map((number) => `abstract ${number}`).join(", ")}.
          </StatusBanner>
        ) : null}
        {stale.length ? (
          <StatusBanner tone="warning">
            <span className="block">In the draft but no longer a submitted oral (withdrawn since):</span>
            {stale.map((talk) => (
              <Form method="post" key={talk.number} className="mt-2 flex flex-wrap items-center gap-2">
                <input type="hidden" name="intent" value="unplace" />
                <input type="hidden" name="number" value={talk.number} />
                <span>
                  Abstract {talk.number} in “{talk.sessionTitle}”
                </span>
                <RowButton tone="danger">Take it out</RowButton>
              </Form>
            ))}
          </StatusBanner>
        ) : null}
        <Section title="Decide in bulk" id="bulk">
          <BulkDecisionForms topics={topics} pending={pending} />
        </Section>
        <Section title={`Abstracts (${rows.length} of ${total})`} id="abstracts">
          <Form method="get" className="mb-4 flex flex-wrap items-end gap-3">
            <PlainSelect id="topic" name="topic" label="Topic" defaultValue={filter.topic ?? ""} placeholder="All topics" options={topics.map((topic) => ({ value: topic.id, label: topic.name }))} />
            <PlainSelect
              id="decision"
              name="decision"
              label="Decision"
              defaultValue={filter.decision ?? ""}
              placeholder="All"
              options={[{ value: "UNDECIDED", label: "Undecided" }, ...DECISIONS.map((decision) => ({ value: decision, label: DECISION_LABEL[decision] }))]}
            />
            <SubmitButton variant="secondary" pendingLabel="Filtering…">
              Filter
            </SubmitButton>
          </Form>
          <ItemList empty="No submitted abstract matches." ordered>
            {rows.map((row) => (
              <DecisionRow key={row.id} row={row} sessions={sessions} />
            ))}
          </ItemList>
        </Section>
      </div>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";

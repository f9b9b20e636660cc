// The pieces of the call's settings page: the dates-and-limits form, and one
// small form per topic, section and criterion (the same form, empty, adds
// one), with move and remove buttons. Plain POST forms with an `intent`.
import type { ReactNode } from "react";
import { Section } from "./console";
import { controlClass, PlainInput, PlainSelect } from "./forms";

const label = "block text-sm font-medium text-slate-800";
const button = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50";
const primary = "rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800";

/** How a section's limit is counted, as the select offers it. */
const UNIT_LABELS = { CHARACTERS: "characters", WORDS: "words" };

type Clock = { day: string; time: string };
type Dates = { opens: Clock; closes: Clock; lateOpens: Clock; lateCloses: Clock; confirm: Clock; totalCharacterLimit: number | null; maxAuthors: number; reviewsPerAbstract: number; guidelines: string };

function WhenField({ legend, dayName, timeName, value }: { legend: string; dayName: string; timeName: string; value: Clock }) {
  return (
    <fieldset>
      <legend className={label}>{legend}</legend>
      <div className="flex gap-2">
        <input type="date" name={dayName} defaultValue={value.day} aria-label={`${legend}: date`} className={controlClass(false)} />
        <input type="time" name={timeName} defaultValue={value.time} aria-label={`${legend}: time`} className={controlClass(false)} />
      </div>
    </fieldset>
  );
}

function NumberField({ name, text, value, min, max }: { name: string; text: string; value: number | null; min: number; max: number }) {
  return (
    <PlainInput id={name} label={text} name={name} type="number" min={min} max={max} defaultValue={value ?? ""} />
  );
}

export function CallDatesForm({ dates }: { dates: Dates }) {
  return (
    <Section title="Dates and limits" id="dates">
      <form method="post" className="grid max-w-3xl gap-4 sm:grid-cols-2">
        <WhenField legend="Opens" dayName="opensOn" timeName="opensAtTime" value={dates.opens} />
        <WhenField legend="Deadline" dayName="closesOn" timeName="closesAtTime" value={dates.closes} />
        <WhenField legend="Late-breaking window opens (optional)" dayName="lateOpensOn" timeName="lateOpensAtTime" value={dates.lateOpens} />
        <WhenField legend="Late-breaking window closes" dayName="lateClosesOn" timeName="lateClosesAtTime" value={dates.lateCloses} />
        <WhenField legend="Presenters confirm by (optional)" dayName="confirmOn" timeName="confirmAtTime" value={dates.confirm} />
        <NumberField name="totalCharacterLimit" text="Overall character limit (blank for none)" value={dates.totalCharacterLimit} min={100} max={100000} />
        <NumberField name="maxAuthors" text="Most authors per abstract" value={dates.maxAuthors} min={1} max={50} />
        <NumberField name="reviewsPerAbstract" text="Reviews per abstract" value={dates.reviewsPerAbstract} min={1} max={10} />
        <div className="sm:col-span-2">
          <label htmlFor="guidelines" className={label}>
            Guidelines for authors
          </label>
          <textarea id="guidelines" name="guidelines" rows={5} defaultValue={dates.guidelines} className={controlClass(false)} />
        </div>
        <div>
          <button type="submit" name="intent" value="settings" className={primary}>
            Save dates and limits
          </button>
        </div>
      </form>
    </Section>
  );
}

function ItemButtons({ kind, id, label: name, first, last }: { kind: string; id: string; label: string; first: boolean; last: boolean }) {
  return (
    <form method="post" className="mt-2 flex flex-wrap gap-2">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      {!first ? (
        <button type="submit" name="intent" value="up" className={button} aria-label={`Move ${name} up`}>
          Move up
        </button>
      ) : null}
      {!last ? (
        <button type="submit" name="intent" value="down" className={button} aria-label={`Move ${name} down`}>
          Move down
        </button>
      ) : null}
      <button type="submit" name="intent" value="remove" className={button} aria-label={`Remove ${name}`}>
        Remove
      </button>
    </form>
  );
}

/**
 * A list the organizer orders by hand (topics, sections, criteria): each
 * item's own form with its move and remove buttons, then the same form empty,
 * which adds one. `boxed` sets each item, and the adder, in a card.
 */
export function OrderedItems<Item extends { id: string }>({
  kind,
  items,
  nameOf,
  row,
  boxed = false,
}: {
  kind: string;
  items: Item[];
  nameOf: (item: Item) => string;
  row: (item?: Item) => ReactNode;
  boxed?: boolean;
}) {
  return (
    <div className="space-y-3">
      <ul className={boxed ? "space-y-3" : "space-y-2"}>
        {items.map((item, index) => (
          <li key={item.id} className={boxed ? "rounded-lg border border-slate-200 bg-white p-3" : undefined}>
            {row(item)}
            <ItemButtons kind={kind} id={item.id} label={nameOf(item)} first={index === 0} last={index === items.length - 1} />
          </li>
        ))}
      </ul>
      {boxed ? <div className="rounded-lg border border-dashed border-slate-300 p-3">{row()}</div> : row()}
    </div>
  );
}

export function TopicRow({ topic }: { topic?: { id: string; name: string; abstracts: number } }) {
  const fieldId = `topic-${topic?.id ?? "new"}`;
  return (
    <form method="post" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="id" value={topic?.id ?? ""} />
      <PlainInput id={fieldId} label={topic ? `Topic${topic.abstracts ? ` (${topic.abstracts} abstracts)` : ""}` : "New topic"} className="min-w-0 flex-1" name="name" defaultValue={topic?.name ?? ""} required />
      <button type="submit" name="intent" value="topic" className={topic ? button : primary}>
        {topic ? "Rename" : "Add topic"}
      </button>
    </form>
  );
}

/** The button of a section's or a criterion's row: "Save section" on a row that exists, "Add section" (primary) on the empty row below them. */
function SaveOrAddButton({ intent, noun, existing }: { intent: string; noun: string; existing: boolean }) {
  return (
    <button type="submit" name="intent" value={intent} className={existing ? button : primary}>
      {existing ? `Save ${noun}` : `Add ${noun}`}
    </button>
  );
}

export function SectionRow({ section }: { section?: { id: string; title: string; guidance: string; limit: number; unit: "CHARACTERS" | "WORDS" } }) {
  const key = section?.id ?? "new-section";
  return (
    <form method="post" className="grid gap-2 sm:grid-cols-[2fr_1fr_1fr]">
      <input type="hidden" name="id" value={section?.id ?? ""} />
      <PlainInput id={`${key}-title`} label={section ? "Heading" : "New section's heading"} name="title" defaultValue={section?.title ?? ""} required />
      <PlainInput id={`${key}-limit`} label="Limit" name="limit" type="number" min={1} defaultValue={section?.limit ?? 500} />
      <PlainSelect id={`${key}-unit`} name="unit" label="Counted in" defaultValue={section?.unit ?? "CHARACTERS"} options={UNIT_LABELS} />
      <PlainInput id={`${key}-guidance`} label="Guidance for authors" className="sm:col-span-3" name="guidance" defaultValue={section?.guidance ?? ""} />
      <div>
        <SaveOrAddButton intent="section" noun="section" existing={Boolean(section)} />
      </div>
    </form>
  );
}

export function CriterionRow({ criterion }: { criterion?: { id: string; name: string; description: string; weight: number; maxScore: number; percent: number } }) {
  const key = criterion?.id ?? "new-criterion";
  return (
    <form method="post" className="grid gap-2 sm:grid-cols-[2fr_1fr_1fr]">
      <input type="hidden" name="id" value={criterion?.id ?? ""} />
      <PlainInput id={`${key}-name`} label={criterion ? "Criterion" : "New criterion"} name="name" defaultValue={criterion?.name ?? ""} required />
      <PlainInput id={`${key}-weight`} label={`Weight${criterion ? ` (${criterion.percent}% of the total)` : ""}`} name="weight" type="number" min={1} max={100} defaultValue={criterion?.weight ?? 10} />
      <PlainInput id={`${key}-max`} label="Scored 1 to" name="maxScore" type="number" min={2} max={10} defaultValue={criterion?.maxScore ?? 5} />
      <PlainInput id={`${key}-description`} label="What reviewers judge" className="sm:col-span-3" name="description" defaultValue={criterion?.description ?? ""} />
      <div>
        <SaveOrAddButton intent="criterion" noun="criterion" existing={Boolean(criterion)} />
      </div>
    </form>
  );
}

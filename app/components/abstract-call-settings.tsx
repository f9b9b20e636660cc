// The pieces of the call's settings page: the dates-and-limits form, and one
// small form per topic, section and criterion (the same form, empty, adds
// one), with move and remove buttons. Plain POST forms with an `intent`.
import { controlClass } from "./forms";

const label = "block text-sm font-medium text-slate-800";
const button = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50";
const primary = "rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800";

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
    <div>
      <label htmlFor={name} className={label}>
        {text}
      </label>
      <input id={name} name={name} type="number" min={min} max={max} defaultValue={value ?? ""} className={controlClass(false)} />
    </div>
  );
}

export function CallDatesForm({ dates }: { dates: Dates }) {
  return (
    <section aria-labelledby="dates">
      <h2 id="dates" className="text-lg font-bold text-slate-900">
        Dates and limits
      </h2>
      <form method="post" className="mt-3 grid max-w-3xl gap-4 sm:grid-cols-2">
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
    </section>
  );
}

export function ItemButtons({ kind, id, label: name, first, last }: { kind: string; id: string; label: string; first: boolean; last: boolean }) {
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

export function TopicRow({ topic }: { topic?: { id: string; name: string; abstracts: number } }) {
  const fieldId = `topic-${topic?.id ?? "new"}`;
  return (
    <form method="post" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="id" value={topic?.id ?? ""} />
      <div className="min-w-0 flex-1">
        <label htmlFor={fieldId} className={label}>
          {topic ? `Topic${topic.abstracts ? ` (${topic.abstracts} abstracts)` : ""}` : "New topic"}
        </label>
        <input id={fieldId} name="name" defaultValue={topic?.name ?? ""} required className={controlClass(false)} />
      </div>
      <button type="submit" name="intent" value="topic" className={topic ? button : primary}>
        {topic ? "Rename" : "Add topic"}
      </button>
    </form>
  );
}

export function SectionRow({ section }: { section?: { id: string; title: string; guidance: string; limit: number; unit: "CHARACTERS" | "WORDS" } }) {
  const key = section?.id ?? "new-section";
  return (
    <form method="post" className="grid gap-2 sm:grid-cols-[2fr_1fr_1fr]">
      <input type="hidden" name="id" value={section?.id ?? ""} />
      <div>
        <label htmlFor={`${key}-title`} className={label}>
          {section ? "Heading" : "New section's heading"}
        </label>
        <input id={`${key}-title`} name="title" defaultValue={section?.title ?? ""} required className={controlClass(false)} />
      </div>
      <div>
        <label htmlFor={`${key}-limit`} className={label}>
          Limit
        </label>
        <input id={`${key}-limit`} name="limit" type="number" min={1} defaultValue={section?.limit ?? 500} className={controlClass(false)} />
      </div>
      <div>
        <label htmlFor={`${key}-unit`} className={label}>
          Counted in
        </label>
        <select id={`${key}-unit`} name="unit" defaultValue={section?.unit ?? "CHARACTERS"} className={controlClass(false)}>
          <option value="CHARACTERS">characters</option>
          <option value="WORDS">words</option>
        </select>
      </div>
      <div className="sm:col-span-3">
        <label htmlFor={`${key}-guidance`} className={label}>
          Guidance for authors
        </label>
        <input id={`${key}-guidance`} name="guidance" defaultValue={section?.guidance ?? ""} className={controlClass(false)} />
      </div>
      <div>
        <button type="submit" name="intent" value="section" className={section ? button : primary}>
          {section ? "Save section" : "Add section"}
        </button>
      </div>
    </form>
  );
}

export function CriterionRow({ criterion }: { criterion?: { id: string; name: string; description: string; weight: number; maxScore: number; percent: number } }) {
  const key = criterion?.id ?? "new-criterion";
  return (
    <form method="post" className="grid gap-2 sm:grid-cols-[2fr_1fr_1fr]">
      <input type="hidden" name="id" value={criterion?.id ?? ""} />
      <div>
        <label htmlFor={`${key}-name`} className={label}>
          {criterion ? "Criterion" : "New criterion"}
        </label>
        <input id={`${key}-name`} name="name" defaultValue={criterion?.name ?? ""} required className={controlClass(false)} />
      </div>
      <div>
        <label htmlFor={`${key}-weight`} className={label}>
          Weight{criterion ? ` (${criterion.percent}% of the total)` : ""}
        </label>
        <input id={`${key}-weight`} name="weight" type="number" min={1} max={100} defaultValue={criterion?.weight ?? 10} className={controlClass(false)} />
      </div>
      <div>
        <label htmlFor={`${key}-max`} className={label}>
          Scored 1 to
        </label>
        <input id={`${key}-max`} name="maxScore" type="number" min={2} max={10} defaultValue={criterion?.maxScore ?? 5} className={controlClass(false)} />
      </div>
      <div className="sm:col-span-3">
        <label htmlFor={`${key}-description`} className={label}>
          What reviewers judge
        </label>
        <input id={`${key}-description`} name="description" defaultValue={criterion?.description ?? ""} className={controlClass(false)} />
      </div>
      <div>
        <button type="submit" name="intent" value="criterion" className={criterion ? button : primary}>
          {criterion ? "Save criterion" : "Add criterion"}
        </button>
      </div>
    </form>
  );
}

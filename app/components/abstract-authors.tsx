// The authors of an abstract, in order: each row's name, institution, city,
// country and e-mail, the one who presents (a radio, so only one can), and
// buttons that post the form with an intent (move, remove, add), so the list
// is edited the same way with or without JavaScript and no typing is lost.
import { type AuthorRow } from "~/models/abstracts/submission";
import { controlClass, ErrorList } from "./forms";
import { type FieldErrors } from "./abstract-form";

const smallButton = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50";

export function AuthorRows({ authors, presenting, maxAuthors, errors }: { authors: AuthorRow[]; presenting: number; maxAuthors: number; errors: FieldErrors }) {
  return (
    <fieldset id="authors" className="space-y-4">
      <legend className="block font-semibold text-slate-900">
        Authors <span className="font-normal text-slate-600">(in order; at most {maxAuthors})</span>
      </legend>
      <ErrorList errors={[...(errors.authors ?? []), ...(errors.presenting ?? [])]} />
      {authors.map((author, index) => (
        <div key={index} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
          <p className="font-semibold text-slate-800">Author {index + 1}</p>
          <div className="grid gap-2 sm:grid-cols-2">
            {(
              [
                ["name", "Name"],
                ["institution", "Institution"],
                ["city", "City"],
                ["country", "Country"],
                ["email", "E-mail"],
              ] as const
            ).map(([key, label]) => {
              const name = `authors[${index}].${key}`;
              return (
                <div key={key}>
                  <label htmlFor={name} className="text-sm font-medium text-slate-800">
                    {label}
                  </label>
                  <input id={name} name={name} type={key === "email" ? "email" : "text"} defaultValue={author[key]} className={controlClass(Boolean(errors[name]))} />
                  <ErrorList errors={errors[name]} />
                </div>
              );
            })}
          </div>
          <label className="flex items-center gap-2">
            <input type="radio" name="presenting" value={index} defaultChecked={presenting === index} className="size-4" />
            Presents the abstract
          </label>
          <div className="flex flex-wrap gap-2">
            {index > 0 ? (
              <button type="submit" name="intent" value={`author-up:${index}`} className={smallButton} aria-label={`Move author ${index + 1} up`}>
                Move up
              </button>
            ) : null}
            {index < authors.length - 1 ? (
              <button type="submit" name="intent" value={`author-down:${index}`} className={smallButton} aria-label={`Move author ${index + 1} down`}>
                Move down
              </button>
            ) : null}
            <button type="submit" name="intent" value={`author-remove:${index}`} className={smallButton} aria-label={`Remove author ${index + 1}`}>
              Remove
            </button>
          </div>
        </div>
      ))}
      {authors.length < maxAuthors ? (
        <button type="submit" name="intent" value="author-add" className={smallButton}>
          Add an author
        </button>
      ) : null}
    </fieldset>
  );
}

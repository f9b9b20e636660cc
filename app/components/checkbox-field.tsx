// A labelled checkbox of a Conform form: ticked by default when the field's
// value is "on", its hint and errors announced with it.
import { getInputProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { ErrorList } from "./forms";

export function CheckboxField({ meta, label, hint }: { meta: FieldMetadata<boolean | string | undefined>; label: ReactNode; hint?: ReactNode }) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const { key, ...props } = getInputProps(meta as FieldMetadata<string | undefined>, { type: "checkbox", ariaDescribedBy: hintId });
  return (
    <div>
      <div className="flex items-start gap-2.5">
        <input key={key} {...props} className="mt-1 h-4 w-4 shrink-0 accent-brand-700" />
        <label htmlFor={meta.id} className="text-base font-medium text-slate-800">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={hintId} className="mt-0.5 ml-6.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

// Form building blocks shared by every page with a form: labelled fields whose
// errors sit right under them (and are announced via aria-describedby),
// form-level errors, and submit buttons that show when the submission is under way.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata, type FormMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, isRouteErrorResponse, Link, useFormAction, useNavigation, useRouteError } from "@remix-run/react";
import type { ComponentProps, ReactNode } from "react";
import type { z } from "zod";
import { href } from "~/utils/href";

export function ErrorList({ id, errors }: { id?: string; errors?: readonly string[] | null }) {
  const shown = errors?.filter(Boolean);
  if (!shown?.length) return null;
  return (
    <ul id={id} className="mt-1.5 space-y-1 text-sm text-red-700">
      {shown.map((error) => (
        <li key={error} className="flex gap-1.5">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </li>
      ))}
    </ul>
  );
}

/** Errors about the whole form ("Email or password is incorrect"), announced when they appear. */
export function FormErrors({ id, errors }: { id?: string; errors?: readonly string[] | null }) {
  const shown = errors?.filter(Boolean);
  return (
    <div role="alert" id={id}>
      {shown?.length ? (
        <div className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {shown.map((error) => (
            <p key={error}>{error}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}

type InputType = "email" | "password" | "text" | "search" | "tel" | "url" | "number" | "date" | "time";

export type FieldProps = {
  meta: FieldMetadata<string | undefined>;
  label: ReactNode;
  type?: InputType;
  /** A lasting hint under the label, e.g. "8 to 128 characters". */
  hint?: ReactNode;
  className?: string;
} & Omit<ComponentProps<"input">, "type" | "name" | "id" | "defaultValue" | "form" | "className">;

/** The id of a field's lasting hint, which its control names in aria-describedby. */
export function hintIdOf(meta: { id: string }, hint: ReactNode): string | undefined {
  return hint ? `${meta.id}-hint` : undefined;
}

/** The look of a text box, select or text area; red-bordered while its field has errors. */
export const controlClass = (invalid: boolean) =>
  `mt-1.5 block w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-400 focus:outline-2 focus:outline-offset-0 focus:outline-brand-600 ${
    invalid ? "border-red-600" : "border-slate-500"
  }`;

/**
 * What every field is around its control: the label, the hint (give the
 * control `aria-describedby` with hintIdOf), and the errors right under it.
 */
export function FieldFrame({
  meta,
  label,
  hint,
  className,
  children,
}: {
  meta: { id: string; errorId: string; errors?: readonly string[] };
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={hintIdOf(meta, hint)} className="mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function Field({ meta, label, type = "text", hint, className, ...rest }: FieldProps) {
  const { key, ...inputProps } = getInputProps(meta, { type, ariaDescribedBy: hintIdOf(meta, hint) });
  return (
    <FieldFrame meta={meta} label={label} hint={hint} className={className}>
      <input key={key} {...inputProps} {...rest} className={controlClass(Boolean(meta.errors?.length))} />
    </FieldFrame>
  );
}

type Option = { value: string; label: string };

/** A select's choices: a list, or a map from value to label such as KIND_LABELS. */
type Options = Option[] | Readonly<Record<string, string>>;

/** What every console field takes: the form's field, its label, a lasting hint, and the frame's class. */
type ConsoleFieldProps = { meta: FieldMetadata<string | undefined>; label: ReactNode; hint?: ReactNode; className?: string };

export function SelectField({
  meta,
  label,
  options,
  hint,
  placeholder,
  className,
}: ConsoleFieldProps & {
  options: Options;
  /** An empty first option, e.g. "No track". */
  placeholder?: string;
}) {
  const { key, ...props } = getSelectProps(meta, { ariaDescribedBy: hintIdOf(meta, hint) });
  return (
    <FieldFrame meta={meta} label={label} hint={hint} className={className}>
      <select key={key} {...props} className={controlClass(Boolean(meta.errors?.length))}>
        <OptionList options={options} placeholder={placeholder} />
      </select>
    </FieldFrame>
  );
}

/**
 * A label over its control, outside a validated form (a search filter, a
 * row's one-line form, a hand-built editor): the label names the control by id.
 */
export function Labelled({ id, label, className, children }: { id: string; label: ReactNode; className?: string; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * A labelled text box outside a validated form; `errors` (the action's answer
 * about this field) sit under it and are named by its aria-describedby.
 */
export function PlainInput({
  id,
  label,
  errors,
  className,
  ...rest
}: { id: string; label: ReactNode; errors?: readonly string[] | null; className?: string } & Omit<ComponentProps<"input">, "id" | "className">) {
  const invalid = Boolean(errors?.length);
  return (
    <Labelled id={id} label={label} className={className}>
      <input id={id} aria-invalid={invalid || undefined} aria-describedby={invalid ? `${id}-error` : undefined} {...rest} className={controlClass(invalid)} />
      <ErrorList id={`${id}-error`} errors={errors} />
    </Labelled>
  );
}

/** A labelled select outside a validated form: a search filter, or a one-field action. */
export function PlainSelect({
  id,
  label,
  options,
  placeholder,
  prompt,
  className,
  ...rest
}: {
  id: string;
  label: ReactNode;
  options: Options;
  placeholder?: string;
  /** An empty first option that cannot be chosen, e.g. "Choose…": the select then starts on it and needs a choice. */
  prompt?: string;
  className?: string;
} & Omit<ComponentProps<"select">, "id" | "className" | "children">) {
  return (
    <Labelled id={id} label={label} className={className}>
      <select id={id} {...(prompt !== undefined ? { required: true, defaultValue: "" } : {})} {...rest} className={controlClass(false)}>
        <OptionList options={options} placeholder={placeholder} prompt={prompt} />
      </select>
    </Labelled>
  );
}

function OptionList({ options, placeholder, prompt }: { options: Options; placeholder?: string; prompt?: string }) {
  const list = Array.isArray(options) ? options : Object.entries(options).map(([value, label]) => ({ value, label }));
  return (
    <>
      {prompt !== undefined ? (
        <option value="" disabled>
          {prompt}
        </option>
      ) : null}
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {list.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </>
  );
}

export function TextareaField({ meta, label, hint, className, rows = 4 }: ConsoleFieldProps & { rows?: number }) {
  const { key, ...props } = getTextareaProps(meta, { ariaDescribedBy: hintIdOf(meta, hint) });
  return (
    <FieldFrame meta={meta} label={label} hint={hint} className={className}>
      <textarea key={key} rows={rows} {...props} className={controlClass(Boolean(meta.errors?.length))} />
    </FieldFrame>
  );
}

/**
 * Whether a form of this route (or `formAction`) is being submitted right now,
 * so its button can say so. Without JavaScript there is no pending state: the
 * browser shows its own progress.
 */
export function useIsPending({ formAction, formMethod = "POST" }: { formAction?: string; formMethod?: "POST" | "GET" } = {}) {
  const contextualFormAction = useFormAction();
  const navigation = useNavigation();
  return navigation.state !== "idle" && navigation.formAction === (formAction ?? contextualFormAction) && navigation.formMethod === formMethod;
}

const buttonStyles = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-brand-700/70",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-500",
  danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50 disabled:text-red-500",
} as const;

export type SubmitButtonProps = {
  /** The label while the submission is under way, e.g. "Signing in…". */
  pendingLabel: string;
  pending?: boolean;
  variant?: keyof typeof buttonStyles;
} & Omit<ComponentProps<"button">, "type">;

export function SubmitButton({ pendingLabel, pending = false, variant = "primary", children, className = "", disabled, ...rest }: SubmitButtonProps) {
  return (
    <button
      type="submit"
      disabled={pending || disabled}
      aria-disabled={pending || disabled}
      className={`inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-base font-semibold transition-colors disabled:cursor-wait ${buttonStyles[variant]} ${className}`}
      {...rest}
    >
      {pending ? (
        <>
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4 animate-spin" fill="none">
            <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.3" strokeWidth="3" />
            <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
          </svg>
          {pendingLabel}
        </>
      ) : (
        children
      )}
    </button>
  );
}

/**
 * A form set in a white card among a page's other content: its errors first,
 * then, where the page has several forms, `intent` (which one was sent), then
 * its fields and buttons.
 */
export function CardForm<Schema extends Record<string, unknown>>({ form, intent, children }: { form: FormMetadata<Schema, string[]>; intent?: string; children: ReactNode }) {
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <FormErrors id={form.errorId} errors={form.errors} />
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      {children}
    </Form>
  );
}

/** The frame of a short, single-purpose form page (sign in, sign up, reset password). */
export function FormCard({ title, intro, children, footer }: { title: string; intro?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-md px-4 py-8 sm:py-14">
      <div className="rounded-xl border border-slate-200 bg-white px-5 py-6 shadow-sm sm:px-8 sm:py-8">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
        {intro ? <div className="mt-2 text-slate-600">{intro}</div> : null}
        <div className="mt-6">{children}</div>
      </div>
      {footer ? <div className="mt-6 text-center text-sm text-slate-700">{footer}</div> : null}
    </div>
  );
}

/** What a route's ErrorBoundary shows: a heading, a sentence, and a way on. */
export function PageError({ status, title, message, action }: { status?: number; title: string; message: ReactNode; action?: ReactNode }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      {status ? <p className="text-sm font-semibold text-brand-700">{status}</p> : null}
      <h1 className="mt-2 text-2xl font-bold sm:text-3xl">{title}</h1>
      <div className="mt-4 text-slate-700">{message}</div>
      <div className="mt-8">
        {action ?? (
          <a href={href.home()} className="inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            Back to the meetings
          </a>
        )}
      </div>
    </div>
  );
}

/**
 * The error boundary of a form page: a 4xx means the request did not look like
 * `formName`, anything else is our fault; either way the person gets a way back.
 */
export function FormRouteError({ title, formName, retryTo, retryLabel }: { title: string; formName: string; retryTo: string; retryLabel: string }) {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <PageError
      status={status}
      title={title}
      message={status < 500 ? `That request did not look like ${formName}. Please try again.` : "Something went wrong on our side. Please try again in a moment."}
      action={
        <Link to={retryTo} className="inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {retryLabel}
        </Link>
      }
    />
  );
}

// The fields as the browser sends them: numbers arrive as text (the schema
// coerces them). A union of objects (a form with several intents) stays a union.
type AsSubmitted<Value> = Value extends number ? string : Value;
type FormShape<Schema extends z.ZodType> =
  z.input<Schema> extends infer Input ? (Input extends Record<string, unknown> ? { [Key in keyof Input]: AsSubmitted<Input[Key]> } : never) : never;

type SchemaFormOptions = {
  id: string;
  lastResult?: SubmissionResult<string[]> | null;
  shouldValidate?: "onSubmit" | "onBlur" | "onInput";
  shouldRevalidate?: "onSubmit" | "onBlur" | "onInput";
  /** What the fields show first, as text. */
  defaultValue?: Record<string, unknown>;
};

/**
 * Conform's form state for one zod schema: the browser checks the form with the
 * very schema the action parses, so both sides give the same messages.
 */
export function useSchemaForm<Schema extends z.ZodType<Record<string, unknown>>>(schema: Schema, options: SchemaFormOptions) {
  return useForm<FormShape<Schema>, z.output<Schema>>({
    ...options,
    defaultValue: options.defaultValue as never,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}

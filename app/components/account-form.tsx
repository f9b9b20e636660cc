// The frame of the sign-in and sign-up pages: the card, the form with its
// errors and its submit button, the page to go back to afterwards
// (`redirectTo`, which switching between the two pages keeps), and the link to
// the other page. Every account form (these two, the password and sign-up
// confirmation pages, the account page) checks itself as `useAccountForm` says.
import { getFormProps, type FormMetadata, type SubmissionResult } from "@conform-to/react";
import { Form, Link, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import { FormCard, FormErrors, SubmitButton, useIsPending, useSchemaForm } from "./forms";
import { href } from "~/utils/href";

type AccountPage = "login" | "signup";

/**
 * The address of an account page with the `redirectTo` (and the session to
 * `add` to the schedule) this page was opened with, so moving between the
 * account pages (sign in, sign up, check your email, the header's links) still
 * ends where it began.
 */
export function useAccountPageHref(): (page: AccountPage) => string {
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo");
  const add = searchParams.get("add");
  return (page) => href[page](redirectTo, add);
}

/**
 * An account form's state: once a submit has shown a message, it is checked
 * again at each keystroke, so the message goes as soon as the email or
 * password is fixed.
 */
export function useAccountForm<Schema extends z.ZodType<Record<string, unknown>>>(schema: Schema, id: string, lastResult: SubmissionResult<string[]> | null | undefined) {
  return useSchemaForm(schema, { id, lastResult, shouldRevalidate: "onInput" });
}

const linkClass = "font-semibold text-brand-700 underline-offset-2 hover:underline";

/** "Already have an account? Sign in", keeping `redirectTo`. */
export function SwitchAccountPage({ question, label, page }: { question: string; label: string; page: AccountPage }) {
  const accountPageHref = useAccountPageHref();
  return (
    <>
      {question}{" "}
      <Link to={accountPageHref(page)} className={linkClass}>
        {label}
      </Link>
    </>
  );
}

export function AccountForm<Schema extends Record<string, unknown>>({
  switchTo,
  pendingAdd,
  children,
  ...card
}: Omit<AccountFormCardProps<Schema>, "footer" | "notice"> & {
  /** The other page, e.g. "New here?" and "Create an account" for sign-up. */
  switchTo: { question: string; label: string; page: AccountPage };
  /** The session the form adds to the schedule once the person is in (the page says so in its intro). */
  pendingAdd?: { sessionId: string } | null;
}) {
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  return (
    <AccountFormCard {...card} footer={<SwitchAccountPage {...switchTo} />}>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {pendingAdd ? <input type="hidden" name="add" value={pendingAdd.sessionId} /> : null}
      {children}
    </AccountFormCard>
  );
}

type AccountFormCardProps<Schema extends Record<string, unknown>> = {
  form: FormMetadata<Schema, string[]>;
  title: string;
  intro?: ReactNode;
  /** Under the card: the way to another account page. */
  footer?: ReactNode;
  /** Above the form: what the last submit did. */
  notice?: ReactNode;
  submitLabel: ReactNode;
  /** The button's label while the form is sent, e.g. "Signing in…". */
  pendingLabel: string;
  children: ReactNode;
};

/**
 * The card every account form sits in (signing in and up, the password pages,
 * confirming a sign-up): the form's errors above its fields, and below them
 * one full-width button that says when it is busy.
 */
export function AccountFormCard<Schema extends Record<string, unknown>>({ form, title, intro, footer, notice, submitLabel, pendingLabel, children }: AccountFormCardProps<Schema>) {
  const pending = useIsPending();
  return (
    <FormCard title={title} intro={intro} footer={footer}>
      {notice}
      <Form method="post" {...getFormProps(form)} className="space-y-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        {children}
        <SubmitButton pending={pending} pendingLabel={pendingLabel} className="w-full">
          {submitLabel}
        </SubmitButton>
      </Form>
    </FormCard>
  );
}

/** "Sign in to add “…” to your schedule.": what the form will do besides signing the person in. */
export function PendingAddNote({ pendingAdd, action }: { pendingAdd: { title: string }; action: "Sign in" | "Create an account" }) {
  return (
    <p className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-brand-900">
      {action} to add <strong className="font-semibold">“{pendingAdd.title}”</strong> to your schedule.
    </p>
  );
}

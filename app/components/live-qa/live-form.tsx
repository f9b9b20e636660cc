// Pieces shared by the live pages: a form that posts to the route's action
// without JavaScript (or while the live connection is down) and goes over the
// socket when it is up, the connection badge, and small status texts.
import { Form } from "@remix-run/react";
import type { ComponentProps, FormEvent } from "react";
import type { LiveStatus } from "./use-live-qa";

type LiveFormProps = Omit<ComponentProps<typeof Form>, "onSubmit" | "method"> & {
  /** The socket is connected: submit through `onLiveSubmit` instead of posting. */
  live: boolean;
  onLiveSubmit: (formData: FormData) => void;
};

export function LiveForm({ live, onLiveSubmit, children, ...rest }: LiveFormProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    if (!live) return;
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    onLiveSubmit(new FormData(event.currentTarget, submitter instanceof HTMLButtonElement ? submitter : null));
  };
  return (
    <Form method="post" preventScrollReset onSubmit={submit} {...rest}>
      {children}
    </Form>
  );
}

const STATUS_TEXT: Record<LiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  "signed-out": "Signed out",
};

/** "● Live · 1,204 watching": the state of the live connection, announced politely when it changes. */
export function ConnectionBadge({ status, viewers, className = "" }: { status: LiveStatus; viewers: number | null; className?: string }) {
  const dot = status === "live" ? "bg-emerald-500" : status === "signed-out" ? "bg-slate-400" : "bg-amber-500";
  return (
    <p role="status" className={`inline-flex flex-wrap items-center gap-x-2 gap-y-1 text-sm font-medium text-slate-700 ${className}`}>
      <span className="inline-flex items-center gap-1.5">
        <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${dot} ${status === "live" ? "animate-pulse" : ""}`} />
        {STATUS_TEXT[status]}
      </span>
      {status === "live" && viewers !== null ? (
        <span className="text-slate-600">
          · {viewers.toLocaleString("en-US")} watching
        </span>
      ) : null}
    </p>
  );
}

/** The label of a vote count: "12 votes". */
export function votesText(count: number): string {
  return `${count} ${count === 1 ? "vote" : "votes"}`;
}

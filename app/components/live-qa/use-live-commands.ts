// The live pages' commands from the browser: a form's intent resolved through
// the Q&A table (app/models/live-qa/commands.ts) to its socket event and
// payload, sent over the live connection, and the outcome announced in the
// page's words, as the page says it after a no-JavaScript post (the action's
// refusal, or the confirmation its redirect's ?done= names). A refusal is said
// once: where the command's form shows its own (the question box), not again in
// the notice.
//
// The focus is never left on <body> when a command takes away the control it
// came from (an approved question leaves the queue, a pin moves it): the page
// names where the focus goes (focusAfter), and it moves there once the board
// shows the command's event; the notice takes it when that place is gone.
import { useCallback, useEffect, useRef, useState } from "react";
import { confirmationKey, confirmationText, formFields, qaCommandOf, qaIntent, type QaPage } from "~/models/live-qa/commands";
import type { LiveNoticeText } from "./live-form";
import type { LiveQa } from "./use-live-qa";

/** What a no-JavaScript post of the page answered: the intent it ran and, when refused, why. */
export type PostedCommand = { intent?: string; error?: string } | undefined;

type FocusTarget = { eventId: number; find: () => HTMLElement | null | undefined };

function refusalShownByNotice(posted: PostedCommand): string | null {
  if (!posted?.error) return null;
  const intent = qaIntent(posted.intent);
  return intent && qaCommandOf(intent).refusalsInForm ? null : posted.error;
}

export function useLiveCommands({
  send,
  page,
  posted,
  done,
  lastEventId,
}: {
  send: LiveQa["send"];
  page: QaPage;
  posted: PostedCommand;
  done: string | null;
  /** The last event the board applied: a focus move waits for its command's event. */
  lastEventId: number;
}) {
  const [liveNotice, setNotice] = useState<LiveNoticeText | null>(null);
  const confirmation = confirmationText(done, page);
  const refusal = refusalShownByNotice(posted);
  const notice = liveNotice ?? (refusal ? { text: refusal, error: true } : confirmation ? { text: confirmation, error: false } : null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);

  useEffect(() => {
    if (!focusTarget || lastEventId < focusTarget.eventId) return;
    (focusTarget.find() ?? noticeRef.current)?.focus();
    setFocusTarget(null);
  }, [focusTarget, lastEventId]);

  // A post that went through Remix (the live connection was down) re-renders the page; the notice says how it went.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if ((done || refusal) && document.activeElement === document.body) noticeRef.current?.focus();
  }, [done, refusal, posted]);

  /** Once the board shows event `eventId`, moves the focus to what `find` returns (else to the notice). */
  const focusAfter = useCallback((eventId: number, find: FocusTarget["find"]) => setFocusTarget({ eventId, find }), []);

  /** Runs the command of `intent` with the form's fields; null when no command has that intent. */
  const run = useCallback(
    async (name: string, fields: Record<string, unknown>) => {
      const intent = qaIntent(name);
      if (!intent) return null;
      const command = qaCommandOf(intent);
      const response = await send(intent.event, { ...fields, ...intent.fields });
      if (!response.ok) setNotice(command.refusalsInForm ? null : { text: response.error.message, error: true });
      else if (command.announceLive === false) setNotice(null);
      else setNotice({ text: confirmationText(confirmationKey(intent, response.data), page) ?? "Done.", error: false });
      return response;
    },
    [send, page],
  );

  /** A live form's submit: the command its button's intent names. */
  const onLive = useCallback((formData: FormData) => void run(String(formData.get("intent")), formFields(formData)), [run]);

  return { notice, noticeRef, setNotice, run, onLive, focusAfter };
}

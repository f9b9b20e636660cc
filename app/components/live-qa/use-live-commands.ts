// The live pages' commands from the browser: a form's intent resolved through
// the Q&A table (app/models/live-qa/commands.ts) to its socket event and
// payload, sent over the live connection, and the outcome announced in the
// page's words, as the page says it after a no-JavaScript post (the action's
// refusal, or the confirmation its redirect's ?done= names).
import { useCallback, useState } from "react";
import { confirmationKey, confirmationText, formFields, qaCommandOf, qaIntent, type QaPage } from "~/models/live-qa/commands";
import type { LiveNoticeText } from "./live-form";
import type { LiveQa } from "./use-live-qa";

export function useLiveCommands({ send, page, refusal, done }: { send: LiveQa["send"]; page: QaPage; refusal: string | null | undefined; done: string | null }) {
  const [liveNotice, setNotice] = useState<LiveNoticeText | null>(null);
  const confirmation = confirmationText(done, page);
  const notice = liveNotice ?? (refusal ? { text: refusal, error: true } : confirmation ? { text: confirmation, error: false } : null);

  /** Runs the command of `intent` with the form's fields; null when no command has that intent. */
  const run = useCallback(
    async (name: string, fields: Record<string, unknown>) => {
      const intent = qaIntent(name);
      if (!intent) return null;
      const response = await send(intent.event, { ...fields, ...intent.fields });
      if (!response.ok) setNotice({ text: response.error.message, error: true });
      else if (qaCommandOf(intent).announceLive === false) setNotice(null);
      else setNotice({ text: confirmationText(confirmationKey(intent, response.data), page) ?? "Done.", error: false });
      return response;
    },
    [send, page],
  );

  /** A live form's submit: the command its button's intent names. */
  const onLive = useCallback((formData: FormData) => void run(String(formData.get("intent")), formFields(formData)), [run]);

  return { notice, setNotice, run, onLive };
}

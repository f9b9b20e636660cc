// A real SMTP server for mail tests (the smtp-server package, on a loopback
// port). Each message's fate is up to the test: accepted, refused with a
// temporary failure (451, as a busy or greylisting server answers), or left
// hanging mid-DATA (as a server that stops answering does).
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SmtpAnswer = "accept" | "refuse" | "hang";

export type TestSmtpServer = {
  url: string;
  /** Messages accepted, in order. */
  received: ParsedMail[];
  /** Every DATA the server saw, whatever it answered. */
  attempts: number;
  /** Decides the answer to the next DATA (attempt counts from 1). */
  answer: (attempt: number) => SmtpAnswer;
  /** Resolves when the next DATA arrives. */
  nextAttempt(): Promise<number>;
  close(): Promise<void>;
};

export async function startTestSmtpServer(answer: (attempt: number) => SmtpAnswer = () => "accept"): Promise<TestSmtpServer> {
  const waiting: ((attempt: number) => void)[] = [];
  const state: TestSmtpServer = {
    url: "",
    received: [],
    attempts: 0,
    answer,
    nextAttempt: () => new Promise((resolve) => waiting.push(resolve)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const attempt = ++state.attempts;
      for (const resolve of waiting.splice(0)) resolve(attempt);
      const verdict = state.answer(attempt);
      if (verdict === "hang") {
        stream.resume(); // read it, never answer
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          if (verdict === "refuse") {
            callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 }));
            return;
          }
          state.received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A client that vanishes mid-message (a killed worker) resets its connection: expected here.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET") throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return state;
}

// Where a person's registration for a meeting stands when it does not (yet)
// let them take part, and what the live pages tell them to do about it (pay,
// confirm their institutional e-mail, wait for an organizer to check their
// proof, send new proof) rather than asking them to register again. Shared with
// the browser: no server code (standing.server.ts reads it).

export type RegistrationStanding =
  | { state: "awaiting-payment" }
  /** `emailToConfirm`: the proof is an institutional address whose link has not been followed yet. */
  | { state: "awaiting-verification"; emailToConfirm: boolean }
  | { state: "verification-declined" };

/** The sentence for the registrant, and the words of the link to their registration. */
export function standingNotice(standing: RegistrationStanding): { text: string; link: string } {
  switch (standing.state) {
    case "awaiting-verification":
      return standing.emailToConfirm
        ? {
            text: "Your registration awaits verification. Open the link we e-mailed to your institutional address; once an organizer has checked your status, you can ask and vote here.",
            link: "See your registration",
          }
        : {
            text: "Your registration awaits verification: an organizer is checking your proof of trainee status. You can ask and vote as soon as it is approved, and we will e-mail you then.",
            link: "See your registration",
          };
    case "verification-declined":
      return {
        text: "Your proof of trainee status was not accepted, so you cannot ask or vote yet. Send new proof or change your category on your registration page.",
        link: "Go to your registration",
      };
    case "awaiting-payment":
      return { text: "Your registration is not paid yet. Finish paying to ask and vote.", link: "Finish your registration" };
  }
}

// The book of abstracts of a meeting, as the page and the PDF both print it:
// the published abstracts (published.ts's rule) shaped by book.ts, with every
// time already written out in the meeting's time zone.
import { formatDate, formatDateSpan, formatTimeRange, zoneAbbreviation } from "~/utils/time";
import { makeBook, type BookChapter, type BookView } from "./book";
import type { PrintedAbstract } from "./printed";
import { bookAbstracts } from "./published.server";

export async function meetingBook(meeting: { id: string; name: string; timeZone: string; startsOn: Date; endsOn: Date }): Promise<BookView> {
  const abstracts = await bookAbstracts(meeting.id);
  const book = makeBook(abstracts);
  const zone = meeting.timeZone;
  const range = (start: Date, end: Date) => `${formatTimeRange(start, end, zone)} ${zoneAbbreviation(zone, start)}`;
  const printed = ({ number, title, topic, authors, sections, keywords }: PrintedAbstract & { number: number }) => ({ number, title, topic, authors, sections, keywords });
  const chapters: BookChapter[] = [
    ...book.sessions.map((session, index) => ({
      id: `session-${index + 1}`,
      title: session.title,
      subtitle: [`Oral presentations · ${formatDate(session.startsAt, zone)}, ${range(session.startsAt, session.endsAt)}`, session.room].filter(Boolean).join(" · "),
      entries: session.talks.map((talk) => ({ when: range(talk.startsAt, talk.endsAt), abstract: printed(talk.abstract) })),
    })),
    ...(book.unscheduledOrals.length
      ? [{ id: "orals", title: "Oral presentations", subtitle: "Not yet placed in the program", entries: book.unscheduledOrals.map((abstract) => ({ when: null, abstract: printed(abstract) })) }]
      : []),
    ...book.topics.map((group, index) => ({
      id: `posters-${index + 1}`,
      title: group.topic,
      subtitle: "Posters and e-posters",
      entries: group.abstracts.map((abstract) => ({ when: null, abstract: printed(abstract) })),
    })),
  ];
  const dates = formatDateSpan(meeting.startsOn, meeting.endsOn);
  return { meeting: { name: meeting.name, dates }, chapters, index: book.index, count: abstracts.length };
}

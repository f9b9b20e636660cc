// The changelog as an Atom feed (RFC 4287): one entry per release, its note and
// changes as text, so people and tools can follow the program's updates.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { XMLBuilder } from "fast-xml-parser";
import { v5 as uuidv5 } from "uuid";
import { listReleases } from "~/models/program/publish.server";
import { describeChange } from "~/models/program/changes";
import { requireMeeting } from "~/server/meeting-page.server";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";

const FEED_NAMESPACE = uuidv5("https://meeting-platform.invalid/changelog", uuidv5.URL);

export async function loader({ params }: LoaderFunctionArgs) {
  const meeting = await requireMeeting(params);
  const releases = await listReleases(meeting.id, { take: 50 });
  const page = absoluteUrl(href.changelog(meeting));
  const updated = (releases[0]?.createdAt ?? meeting.startsOn).toISOString();
  const feed = {
    "?xml": { "@_version": "1.0", "@_encoding": "utf-8" },
    feed: {
      "@_xmlns": "http://www.w3.org/2005/Atom",
      id: `urn:uuid:${uuidv5(meeting.slug, FEED_NAMESPACE)}`,
      title: `${meeting.name}: program changes`,
      updated,
      link: [
        { "@_rel": "self", "@_type": "application/atom+xml", "@_href": absoluteUrl(href.changelogFeed(meeting)) },
        { "@_rel": "alternate", "@_type": "text/html", "@_href": page },
      ],
      author: { name: meeting.society.name },
      entry: releases.map((release) => {
        const lines = release.changes.map((change) => `${"title" in change ? `${change.title}: ` : ""}${describeChange(change, meeting.timeZone)}`);
        return {
          id: `urn:uuid:${uuidv5(`${meeting.slug}/release/${release.number}`, FEED_NAMESPACE)}`,
          title: `Release ${release.number}${release.changes.length ? ` (${release.changes.length} change${release.changes.length === 1 ? "" : "s"})` : ""}`,
          updated: release.createdAt.toISOString(),
          published: release.createdAt.toISOString(),
          link: { "@_rel": "alternate", "@_type": "text/html", "@_href": `${page}#release-${release.number}` },
          content: { "@_type": "text", "#text": [release.note, ...lines].filter(Boolean).join("\n") || "No changes to the program." },
        };
      }),
    },
  };
  const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, suppressEmptyNode: true }).build(feed) as string;
  return new Response(xml, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=60", ETag: `W/"changelog-${meeting.slug}-${releases[0]?.number ?? 0}"` },
  });
}

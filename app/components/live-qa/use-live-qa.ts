// The browser's side of live Q&A: one Socket.IO connection to the sidecar,
// the board kept by applying events in id order (each once), and a reconnect
// that asks for exactly what was missed. Until it connects (or without
// JavaScript) the page shows the board its loader rendered, and forms post to
// the route's action instead. The status is "offline" until the browser runs
// this hook, so a page without JavaScript never claims to be connecting. With
// `announceFor`, the changes worth hearing come out as one polite sentence
// (announcements.ts). With `reportPresence` (the live page), the hook also tells
// the sidecar whether the page is on screen, at join, by a heartbeat while it
// is visible, and at once when it is shown or hidden: a signed-in viewer's
// visible time is their CME attendance record (realtime/attendance.ts).
import { useCallback, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { qaAnnouncement } from "~/models/live-qa/announcements";
import type { QaCommandEvent, QaPage } from "~/models/live-qa/commands";
import { applyQaEvents, type QaBoard, type QuestionView } from "~/models/live-qa/questions";
import { href } from "~/utils/href";
import type {
  AckResponse,
  AttendanceState,
  ChangeResult,
  ClientToServerEvents,
  JoinResult,
  ServerToClientEvents,
  ViewerRights,
  Visibility,
} from "../../../realtime/contract";

/** "offline": rendered on the server, or JavaScript has not run (yet, or at all). */
export type LiveStatus = "offline" | "connecting" | "live" | "reconnecting" | "signed-out";

/** A sentence for the page's polite live region; `seq` tells one from an equal one before it. */
export type Announcement = { text: string; seq: number };

type QaSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

async function fetchTicket(): Promise<string | null> {
  try {
    const response = await fetch(href.realtimeTicket(), { method: "POST", credentials: "same-origin" });
    if (!response.ok) return null;
    const { ticket } = (await response.json()) as { ticket: string | null };
    return ticket;
  } catch {
    return null;
  }
}

export function useLiveQa({
  realtimeUrl,
  sessionId,
  initialBoard,
  announceFor,
  reportPresence = false,
}: {
  realtimeUrl: string;
  sessionId: string;
  initialBoard: QaBoard;
  announceFor?: QaPage;
  reportPresence?: boolean;
}) {
  const [board, setBoard] = useState(initialBoard);
  const [status, setStatus] = useState<LiveStatus>("offline");
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  // Events up to this id were on the screen already (rendered, caught up after a reconnect, or announced).
  const announcedUpTo = useRef(initialBoard.lastEventId);
  const [viewers, setViewers] = useState<number | null>(null);
  const [rights, setRights] = useState<ViewerRights | null>(null);
  const [attendance, setAttendance] = useState<AttendanceState | null>(null);
  const socketRef = useRef<QaSocket | null>(null);
  const rightsRef = useRef<ViewerRights | null>(null);
  const boardRef = useRef(board);
  boardRef.current = board;

  // A newer render of the loader (after a no-JS style form post) replaces an older board.
  useEffect(() => {
    setBoard((current) => (initialBoard.lastEventId > current.lastEventId ? initialBoard : current));
    announcedUpTo.current = Math.max(announcedUpTo.current, initialBoard.lastEventId);
  }, [initialBoard]);

  useEffect(() => {
    setStatus("connecting");
    const socket: QaSocket = io(realtimeUrl, {
      transports: ["websocket", "polling"],
      withCredentials: true,
      // Called before every (re)connection, so a reconnect never uses a stale ticket.
      auth: (callback) => void fetchTicket().then((ticket) => callback(ticket ? { ticket } : {})),
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    socketRef.current = socket;
    // The heartbeat's period is the sidecar's to say (in the join's answer).
    let beating: ReturnType<typeof setInterval> | null = null;
    const visibility = (): Visibility => (document.visibilityState === "visible" ? "visible" : "hidden");
    const beat = () => {
      if (socket.connected) socket.emit("presence:beat", { visibility: visibility() }, (response) => response.ok && setAttendance(response.data));
    };
    const startBeating = (state: AttendanceState) => {
      setAttendance(state);
      if (beating) clearInterval(beating);
      // Only while visible: a hidden page's silence is what closes its interval.
      beating = setInterval(() => visibility() === "visible" && beat(), state.heartbeatMs);
    };
    const onVisibility = () => beat();
    if (reportPresence) document.addEventListener("visibilitychange", onVisibility);

    const join = (lastEventId: number | null) =>
      socket.emit("qa:join", { sessionId, lastEventId, ...(reportPresence ? { visibility: visibility() } : {}) }, (response: AckResponse<JoinResult>) => {
        if (!response.ok) return;
        const { sync } = response.data;
        // What a join brings (a whole board, or what was missed while away) is shown, not read out.
        const caughtUp = sync.kind === "snapshot" ? sync.board.lastEventId : Math.max(0, ...sync.events.map((event) => event.id));
        announcedUpTo.current = Math.max(announcedUpTo.current, caughtUp);
        setBoard((current) => (sync.kind === "snapshot" ? sync.board : applyQaEvents(current, sync.events)));
        rightsRef.current = response.data.rights;
        setRights(response.data.rights);
        setViewers(response.data.viewers);
        if (reportPresence) startBeating(response.data.attendance);
        setStatus("live");
      });
    socket.on("connect", () => join(boardRef.current.lastEventId));
    socket.on("rights:changed", ({ rights: changed }) => {
      // Gaining or losing the moderator's view changes what the board holds (pending questions): fetch it whole.
      if (changed.canModerate !== rightsRef.current?.canModerate) join(null);
      rightsRef.current = changed;
      setRights(changed);
    });
    socket.on("qa:events", (events) => {
      const fresh = events.filter((event) => event.id > announcedUpTo.current);
      if (fresh.length) {
        announcedUpTo.current = Math.max(...fresh.map((event) => event.id));
        const text = announceFor ? qaAnnouncement(fresh, announceFor) : null;
        if (text) setAnnouncement((last) => ({ text, seq: (last?.seq ?? 0) + 1 }));
      }
      setBoard((current) => applyQaEvents(current, events));
    });
    socket.on("viewers:count", ({ count }) => setViewers(count));
    socket.on("auth:ended", () => setStatus("signed-out"));
    socket.on("disconnect", (reason) => setStatus(reason === "io server disconnect" ? "signed-out" : "reconnecting"));
    socket.on("connect_error", () => setStatus((current) => (current === "signed-out" ? current : "reconnecting")));
    return () => {
      if (beating) clearInterval(beating);
      document.removeEventListener("visibilitychange", onVisibility);
      socket.close();
      socketRef.current = null;
    };
  }, [realtimeUrl, sessionId, announceFor, reportPresence]);

  /** Sends a change over the socket; the acknowledged question is shown at once (its event follows). */
  const send = useCallback(async (event: QaCommandEvent, payload: object): Promise<AckResponse<ChangeResult>> => {
    const socket = socketRef.current;
    if (!socket?.connected) return { ok: false, error: { code: "INTERNAL", message: "Not connected to the live service. Trying again…" } };
    try {
      const emitter = socket.timeout(10_000) as unknown as { emitWithAck(event: string, payload: object): Promise<AckResponse<ChangeResult>> };
      const response = await emitter.emitWithAck(event, payload);
      if (response.ok && response.data.question) mergeQuestion(response.data.question, response.data.eventId);
      return response;
    } catch {
      return { ok: false, error: { code: "INTERNAL", message: "The live service did not answer. Check your connection and try again." } };
    }

    function mergeQuestion(question: QuestionView, eventId: number) {
      setBoard((current) => {
        // Its event (or a later one) already arrived: that is at least as new.
        if (current.lastEventId >= eventId) return current;
        const known = current.questions.find((q) => q.id === question.id);
        const merged = known ? { ...known, ...question, votedByMe: question.votedByMe ?? known.votedByMe } : question;
        return { ...current, questions: known ? current.questions.map((q) => (q.id === question.id ? merged : q)) : [...current.questions, merged] };
      });
    }
  }, []);

  return { board, status, viewers, rights, attendance, send, announcement, live: status === "live" };
}

export type LiveQa = ReturnType<typeof useLiveQa>;

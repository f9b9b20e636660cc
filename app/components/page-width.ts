// The one width of the site's frame. The header, the footer, the meeting's and
// the organizer console's frames and the pages inside them all use it, so their
// edges line up at every screen size.
export const pageWidthClass = "mx-auto w-full max-w-6xl";

// Placeholder until announcements are written: the current ones, on the sign-in and home pages.
export function Announcements() {
  return null;
}

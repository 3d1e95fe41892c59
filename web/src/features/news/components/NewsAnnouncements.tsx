// Placeholder until the feature is built.
export function NewsAnnouncements() {
  return null;
}

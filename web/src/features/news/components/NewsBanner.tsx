// Placeholder until the feature is built.
export function NewsBanner() {
  return null;
}

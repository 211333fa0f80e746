// Placeholder until the catalogue is written: the applications this agent may open, on the home page.
export function AppCatalogue() {
  return null;
}

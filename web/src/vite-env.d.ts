/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** A MapLibre style URL for the base map (streets, aerial …); unset: a plain background, no tiles. */
  readonly VITE_MAP_STYLE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

declare module 'virtual:language-names' {
  /** Language code → the language's name in itself ("cs" → "Čeština"), from contracts/locales. */
  export const languageNames: Readonly<Record<string, string>>;
}

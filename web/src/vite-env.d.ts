/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** A MapLibre style URL for the base map (streets, aerial …); unset: a plain background, no tiles. */
  readonly VITE_MAP_STYLE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

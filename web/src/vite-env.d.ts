/// <reference types="vite/client" />

// The build's settings (Vite reads them from the environment or a `.env` file at build time).
interface ImportMetaEnv {
  /** The map's tile URL template, e.g. `https://tiles.example/{z}/{x}/{y}.png`; unset draws no tiles. */
  readonly VITE_MAP_TILE_URL?: string;
  /** The attribution the tile provider asks for, shown on the map with the tiles. */
  readonly VITE_MAP_TILE_ATTRIBUTION?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

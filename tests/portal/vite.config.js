// The test portal's build: React 19 with Vite, served at /__portal/ by the
// test server, against the ally-embed tarball installed beside it.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  base: "/__portal/",
  plugins: [react()],
  logLevel: "warn",
  build: { outDir: process.env.PORTAL_OUT, emptyOutDir: true },
});

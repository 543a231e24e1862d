/** Types of live-manifest.js (plain CommonJS, since jest.config.js reads it too). */
declare const manifest: {
  /** Test files (from the repo root) that run against a live account. */
  readonly live: readonly string[];
  /** Path prefix -> why the files under it do not. */
  readonly notLive: Readonly<Record<string, string>>;
};
export = manifest;

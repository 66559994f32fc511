/** The Chromium flags every test and benchmark launches with. */
export declare const CHROMIUM_ARGS: string[];

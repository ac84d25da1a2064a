/** Types of contentSecurityPolicy.js (CommonJS, shared with webpack.config.js). */
export declare const OFFICE_JS_ORIGIN: string;
export declare const PAGE_POLICY: string;
export declare const HEADER_POLICY: string;

import type { Server } from 'node:http';
/** Serves the repository read-only on 127.0.0.1 (`port` 0: any free port). */
export declare function serve(port?: number): Promise<{ server: Server; url: string }>;

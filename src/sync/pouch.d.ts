/**
 * The part of PouchDB's API that sync uses, typed here: the DefinitelyTyped packages declare a
 * global `Buffer` of their own that breaks Node's.
 */
declare namespace PouchDB {
  namespace Core {
    type Doc = { _id: string; _rev?: string; _deleted?: boolean; [key: string]: unknown };
    type ExistingDocument<T = object> = T & { _id: string; _rev: string; _conflicts?: string[]; _deleted?: boolean };
    type PutDocument<T = object> = T & { _id: string; _rev?: string; _deleted?: boolean };
    interface Response {
      ok?: boolean;
      id?: string;
      rev?: string;
      error?: string | boolean;
      status?: number;
      reason?: string;
      message?: string;
    }
    interface Change {
      id: string;
      seq: number | string;
      changes: { rev: string }[];
      deleted?: boolean;
      doc?: ExistingDocument<object>;
    }
  }
  interface Database {
    name: string;
    info(): Promise<{ update_seq: number | string; doc_count: number; db_name: string }>;
    get(id: string, options?: { conflicts?: boolean; open_revs?: 'all' | string[]; rev?: string }): Promise<Core.ExistingDocument<object>>;
    put(doc: Core.PutDocument<object>): Promise<Core.Response>;
    bulkDocs(docs: Core.PutDocument<object>[], options?: { new_edits?: boolean }): Promise<Core.Response[]>;
    allDocs(options?: { keys?: string[]; include_docs?: boolean; conflicts?: boolean; startkey?: string; endkey?: string; limit?: number }): Promise<{
      total_rows: number;
      rows: { id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: Core.ExistingDocument<object> | null; error?: string }[];
    }>;
    changes(options: {
      since?: number | string;
      limit?: number;
      include_docs?: boolean;
      conflicts?: boolean;
      style?: 'all_docs' | 'main_only';
    }): Promise<{ results: Core.Change[]; last_seq: number | string }>;
    /** A live feed (over HTTP: one longpoll request after another) until cancelled or failed. */
    changes(options: { live: true; since: number | string; heartbeat?: number; timeout?: number; style?: 'all_docs' | 'main_only' }): LiveChanges;
    /** Of these revisions, the ones this database lacks, by document id. */
    revsDiff(revs: Record<string, string[]>): Promise<Record<string, { missing: string[]; possible_ancestors?: string[] }>>;
    /** These revisions (each document's winner where no `rev` is given), with their histories when `revs`. */
    bulkGet(options: { docs: { id: string; rev?: string }[]; revs?: boolean; latest?: boolean; attachments?: boolean }): Promise<{
      results: {
        id: string;
        docs: ({ ok: Core.ExistingDocument<object> & { _revisions?: { start: number; ids: string[] } } } | { error: { id?: string; rev?: string; error?: string; reason?: string } })[];
      }[];
    }>;
    sync(
      remote: Database | string,
      options?: { live?: false; retry?: false; batch_size?: number; batches_limit?: number },
    ): Promise<{ push: ReplicationResult; pull: ReplicationResult }> & {
      /** After each batch written, on either side. */
      on(event: 'change', listener: (info: { direction: 'push' | 'pull'; change: { docs_written: number } }) => void): unknown;
    };
    replicate: {
      to(remote: Database | string, options?: object): Promise<ReplicationResult>;
      from(remote: Database | string, options?: object): Promise<ReplicationResult>;
    };
    destroy(): Promise<unknown>;
    close(): Promise<unknown>;
  }
  interface LiveChanges {
    on(event: 'change', listener: (change: Core.Change) => void): LiveChanges;
    on(event: 'complete', listener: (info: unknown) => void): LiveChanges;
    on(event: 'error', listener: (error: unknown) => void): LiveChanges;
    cancel(): void;
  }
  interface ReplicationResult {
    /** The source's sequence the replication reached. */
    last_seq?: number | string;
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
    errors: unknown[];
    status?: string;
  }
  interface Static {
    new (name: string, options?: { adapter?: string; auth?: { username: string; password: string }; skip_setup?: boolean; fetch?: unknown }): Database;
    plugin(plugin: unknown): Static;
  }
}

declare module 'pouchdb-core' {
  const PouchDB: PouchDB.Static;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-idb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}

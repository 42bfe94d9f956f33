import { once } from 'node:events';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  type WriteStream,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import path from 'node:path';
import type { DocumentReference, Resource } from '@medplum/fhirtypes';
import { exportPractice } from '@throughline/domain';
import type { Command } from 'commander';
import { operatorContext } from '../operator';
import { renderEndingSummaryPdf } from '../pdf/ending-summary-pdf';
import { withRuntime } from './runtime';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MANIFEST = 'manifest.json';
const DOCUMENTS = 'documents';
const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'application/json': 'json',
};

/**
 * `throughline export --practice ID --out DIR` (issue 12, docs/fhir.md "Leaving: the practice
 * export"): FHIR R4 NDJSON per resource type in the Bulk Data layout, a `$export`-style manifest,
 * and each DocumentReference's attachments as files under `documents/`.
 */
export function registerPracticeExportCommands(program: Command): void {
  program
    .command('export')
    .description(
      'Write a whole practice as FHIR R4 NDJSON (Bulk Data layout) with its documents, for leaving; exit 0 done, 1 refused or failed',
    )
    .requiredOption('--practice <id>', 'the practice id')
    .requiredOption('--out <dir>', 'an empty (or new) directory to write into')
    .option('--force', 'write into a directory that is not empty (replaces an earlier export)')
    .action((options: { practice: string; out: string; force?: boolean }) => {
      if (!UUID.test(options.practice))
        throw new Error(`"${options.practice}" is not a practice id.`);
      prepareDirectory(options.out, options.force === true);
      return withRuntime(async (services) => {
        const out = new NdjsonFiles(options.out);
        const transactionTime = services.now().toISOString();
        let documents = 0;
        try {
          const result = await exportPractice(operatorContext(services), options.practice, {
            operator: operatorName(),
            renderSummaryPdf: (summary) => renderEndingSummaryPdf(summary, summary.paper),
            write: async (resource) => {
              await out.write(resource);
              if (resource.resourceType === 'DocumentReference')
                documents += await writeDocuments(options.out, resource);
            },
          });
          await out.close();
          const manifest = {
            transactionTime,
            request: `throughline export --practice ${options.practice}`,
            requiresAccessToken: false,
            output: Object.entries(result.counts)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([type, count]) => ({ type, url: `${type}.ndjson`, count })),
            error: [],
          };
          await writeFile(
            path.join(options.out, MANIFEST),
            `${JSON.stringify(manifest, null, 2)}\n`,
            { mode: 0o600 },
          );
          const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
          process.stderr.write(
            `Exported ${result.practice.name}: ${result.clients} clients, ${total} resources, ${documents} document files to ${options.out}.\n`,
          );
        } catch (error) {
          // A failed export leaves no half-written files that look like a complete one.
          await out.close();
          removeExport(options.out);
          throw error;
        }
      });
    });
}

/** A new or empty directory; a non-empty one only with --force, and then the old export goes. */
function prepareDirectory(dir: string, force: boolean): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!force)
      throw new Error(`${dir} is not empty; choose an empty directory or run again with --force.`);
    removeExport(dir);
  }
  // Clinical records: readable by the operator's account only.
  mkdirSync(path.join(dir, DOCUMENTS), { recursive: true, mode: 0o700 });
}

/** What an export writes (and nothing else in the directory). */
function removeExport(dir: string): void {
  for (const name of readdirSync(dir))
    if (name.endsWith('.ndjson') || name === MANIFEST || name === DOCUMENTS)
      rmSync(path.join(dir, name), { recursive: true, force: true });
}

/** One `<type>.ndjson` per resource type, opened on its first resource, written with backpressure. */
class NdjsonFiles {
  private readonly streams = new Map<string, WriteStream>();
  constructor(private readonly dir: string) {}

  async write(resource: Resource): Promise<void> {
    let stream = this.streams.get(resource.resourceType);
    if (!stream) {
      stream = createWriteStream(path.join(this.dir, `${resource.resourceType}.ndjson`), {
        mode: 0o600,
      });
      this.streams.set(resource.resourceType, stream);
    }
    if (!stream.write(`${JSON.stringify(resource)}\n`)) await once(stream, 'drain');
  }

  async close(): Promise<void> {
    const open = [...this.streams.values()];
    this.streams.clear();
    await Promise.all(
      open.map(
        (s) => new Promise<void>((resolve, reject) => s.end(() => resolve()).on('error', reject)),
      ),
    );
  }
}

/** Each attachment with inline data as `documents/<DocumentReference id>.<pdf|txt|json>`. */
async function writeDocuments(dir: string, doc: DocumentReference): Promise<number> {
  let written = 0;
  for (const { attachment } of doc.content ?? []) {
    const extension = EXTENSIONS[attachment.contentType?.split(';')[0]?.trim() ?? ''];
    if (!attachment.data || !extension || !doc.id) continue;
    await writeFile(
      path.join(dir, DOCUMENTS, `${doc.id}.${extension}`),
      Buffer.from(attachment.data, 'base64'),
      { mode: 0o600 },
    );
    written += 1;
  }
  return written;
}

/** The console account that ran the export, for the audit (no signed-in user at the console). */
function operatorName(): string {
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return `unknown@${hostname()}`;
  }
}

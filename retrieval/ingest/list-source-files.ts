import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface ListedFile {
  absolutePath: string;
  /** Relative to the directory ingested (or the file's own directory), with forward slashes. */
  relativePath: string;
}

/** The files under `path` (or `path` itself), hidden files and folders excluded, in a stable order. */
export async function listSourceFiles(path: string): Promise<{ baseDirectory: string; files: ListedFile[] }> {
  const info = await stat(path);
  if (info.isFile()) {
    const baseDirectory = join(path, '..');
    return { baseDirectory, files: [{ absolutePath: path, relativePath: toPosix(relative(baseDirectory, path)) }] };
  }
  const entries = await readdir(path, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .map((absolutePath) => ({ absolutePath, relativePath: toPosix(relative(path, absolutePath)) }))
    .filter((file) => !file.relativePath.split('/').some((part) => part.startsWith('.')))
    .sort((left, right) => left.relativePath.localeCompare(right.relativePath));
  return { baseDirectory: path, files };
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

import { runCli } from '../../src/cli/run.js';

/** Runs the CLI in this process, as `zhicheng …argv` would: its exit code and everything it printed. */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

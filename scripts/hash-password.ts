// `npm run hash-password`: reads a password (prompted, hidden, or from stdin) and prints the scrypt hash for auth.users[].passwordHash.
import { createInterface } from "node:readline";
import { hashPassword } from "../lib/server/auth/password";

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let data = "";
    for await (const chunk of process.stdin) data += chunk;
    return data.replace(/\r?\n$/, "");
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: the prompt is written once, keystrokes are not echoed.
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write("Password: ");
  output._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}

void readPassword().then((password) => {
  if (password.length < 12) {
    console.error("Use at least 12 characters.");
    process.exit(1);
  }
  console.log(hashPassword(password));
});

/** A throw-away PKI made with the openssl CLI at test time: a CA, a server certificate, and client certificates. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface Pem {
  cert: string;
  key: string;
  certPath: string;
  keyPath: string;
}

export interface TestPki {
  dir: string;
  ca: Pem;
  /** CN=localhost, SAN localhost and 127.0.0.1, signed by `ca`. */
  server: Pem;
  /** CN=linkscope-client, signed by `ca`. */
  client: Pem;
  /** A client certificate from an unrelated CA: the server must reject it. */
  rogueClient: Pem;
  cleanup(): void;
}

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(path.join(tmpdir(), "linkscope-pki-"));
  const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  const file = (name: string) => path.join(dir, name);
  const read = (name: string): Pem => ({
    cert: readFileSync(file(`${name}.crt`), "utf8"),
    key: readFileSync(file(`${name}.key`), "utf8"),
    certPath: file(`${name}.crt`),
    keyPath: file(`${name}.key`),
  });
  const key = (name: string) => openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", `${name}.key`);
  const selfSigned = (name: string, cn: string) => {
    key(name);
    openssl(
      "req",
      "-x509",
      "-new",
      "-key",
      `${name}.key`,
      "-sha256",
      "-days",
      "2",
      "-subj",
      `/CN=${cn}`,
      "-out",
      `${name}.crt`,
      "-addext",
      "basicConstraints=critical,CA:TRUE",
      "-addext",
      "keyUsage=critical,keyCertSign,cRLSign",
    );
  };
  const issued = (name: string, cn: string, issuer: string, ext: string) => {
    key(name);
    openssl("req", "-new", "-key", `${name}.key`, "-subj", `/CN=${cn}`, "-out", `${name}.csr`);
    writeFileSync(file(`${name}.ext`), ext);
    openssl(
      "x509",
      "-req",
      "-in",
      `${name}.csr`,
      "-CA",
      `${issuer}.crt`,
      "-CAkey",
      `${issuer}.key`,
      "-CAcreateserial",
      "-days",
      "2",
      "-sha256",
      "-extfile",
      `${name}.ext`,
      "-out",
      `${name}.crt`,
    );
  };

  selfSigned("ca", "Linkscope Test CA");
  selfSigned("other-ca", "Unrelated CA");
  issued("server", "localhost", "ca", "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
  issued("client", "linkscope-client", "ca", "extendedKeyUsage=clientAuth\n");
  issued("rogue-client", "rogue-client", "other-ca", "extendedKeyUsage=clientAuth\n");

  return {
    dir,
    ca: read("ca"),
    server: read("server"),
    client: read("client"),
    rogueClient: read("rogue-client"),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

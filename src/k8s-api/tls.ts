import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import forge from 'node-forge';

/** The PEM material of the Kubernetes API listener. */
export interface K8sTls {
  caCert: string;
  cert: string;
  key: string;
}

const CA_CERT = 'k8s-ca.crt';
const CA_KEY = 'k8s-ca.key';
const SERVER_CERT = 'k8s-server.crt';
const SERVER_KEY = 'k8s-server.key';
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

/**
 * The installation's own CA (`crashloop-ca`, made once and kept in the data folder) and a server
 * certificate it signed for localhost, 127.0.0.1 and the configured host names. A server certificate
 * that does not cover the current names is re-issued by the same CA, so kubeconfigs stay valid.
 */
export function loadOrCreateTls(dir: string, hostnames: string[]): K8sTls {
  mkdirSync(dir, { recursive: true });
  const names = [...new Set(['localhost', '127.0.0.1', ...hostnames.filter((h) => h.length > 0)])];
  let caCert: string;
  let caKey: string;
  if (existsSync(join(dir, CA_CERT)) && existsSync(join(dir, CA_KEY))) {
    caCert = readFileSync(join(dir, CA_CERT), 'utf8');
    caKey = readFileSync(join(dir, CA_KEY), 'utf8');
  } else {
    ({ cert: caCert, key: caKey } = issue({ commonName: 'crashloop-ca', ca: true }));
    writeFileSync(join(dir, CA_KEY), caKey, { mode: 0o600 });
    writeFileSync(join(dir, CA_CERT), caCert);
  }
  const certFile = join(dir, SERVER_CERT);
  const keyFile = join(dir, SERVER_KEY);
  if (existsSync(certFile) && existsSync(keyFile) && covers(readFileSync(certFile, 'utf8'), names, caCert)) {
    return { caCert, cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
  }
  const server = issue({ commonName: 'kube-apiserver', ca: false, names, issuer: { cert: caCert, key: caKey } });
  writeFileSync(keyFile, server.key, { mode: 0o600 });
  writeFileSync(certFile, server.cert);
  return { caCert, cert: server.cert, key: server.key };
}

function covers(certPem: string, names: string[], caPem: string): boolean {
  try {
    const cert = forge.pki.certificateFromPem(certPem);
    const ca = forge.pki.certificateFromPem(caPem);
    if (!ca.verify(cert) || cert.validity.notAfter.getTime() < Date.now() + 24 * 3600 * 1000) return false;
    const san = cert.getExtension('subjectAltName') as { altNames?: Array<{ type: number; value?: string; ip?: string }> } | undefined;
    const have = new Set((san?.altNames ?? []).map((a) => a.ip ?? a.value));
    return names.every((n) => have.has(n));
  } catch {
    return false;
  }
}

function issue(opts: { commonName: string; ca: boolean; names?: string[]; issuer?: { cert: string; key: string } }): { cert: string; key: string } {
  // Node generates the RSA key natively (forge's pure-JS generator takes seconds).
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '01' + randomBytes(15).toString('hex');
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 3600 * 1000);
  cert.validity.notAfter = new Date(now + TEN_YEARS_MS);
  const subject = [{ name: 'commonName', value: opts.commonName }];
  cert.setSubject(subject);
  const issuerCert = opts.issuer ? forge.pki.certificateFromPem(opts.issuer.cert) : undefined;
  cert.setIssuer(issuerCert ? issuerCert.subject.attributes : subject);
  const extensions: object[] = opts.ca
    ? [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
        { name: 'subjectKeyIdentifier' },
      ]
    : [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: (opts.names ?? []).map((n) => (isIP(n) ? { type: 7, ip: n } : { type: 2, value: n })) },
      ];
  cert.setExtensions(extensions);
  const signer = forge.pki.privateKeyFromPem(opts.issuer ? opts.issuer.key : key);
  cert.sign(signer, forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key };
}

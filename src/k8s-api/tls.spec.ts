import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { loadOrCreateTls } from './tls';

describe('the Kubernetes API certificate', () => {
  it('is signed by the installation CA, names localhost, 127.0.0.1 and the host, and is kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crashloop-tls-'));
    const first = loadOrCreateTls(dir, ['k8s.example.org']);
    const cert = new X509Certificate(first.cert);
    expect(cert.verify(new X509Certificate(first.caCert).publicKey)).toBe(true);
    expect(cert.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, DNS:k8s.example.org');
    expect(loadOrCreateTls(dir, ['k8s.example.org'])).toEqual(first);
    // A new host name: a new server certificate from the same CA (kubeconfigs stay valid).
    const moved = loadOrCreateTls(dir, ['other.example.org']);
    expect(moved.caCert).toBe(first.caCert);
    expect(new X509Certificate(moved.cert).subjectAltName).toContain('DNS:other.example.org');
  });
});

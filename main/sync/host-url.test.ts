import { describe, expect, it } from 'vitest';
import { DomainError } from '@app/result';
import { refusePlainHttp } from './binding';

describe('the host URL a till binds to', () => {
  it.each([
    'https://pos.example.com',
    'http://127.0.0.1:8080',
    'http://127.1.2.3',
    'http://localhost:3000',
    'http://[::1]:9000',
  ])('accepts %s', (url) => expect(() => refusePlainHttp(url)).not.toThrow());

  it.each([
    'http://pos.example.com',
    'http://192.168.1.20:8080',
    'http://127.0.0.1.example.com',
    'http://[::2]',
  ])('refuses plain http to another machine: %s', (url) => {
    expect(() => refusePlainHttp(url)).toThrow(DomainError);
    try {
      refusePlainHttp(url);
    } catch (error) {
      expect((error as DomainError).code).toBe('insecure_host_url');
    }
  });
});

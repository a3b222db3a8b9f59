package stream

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeCert writes a self-signed certificate and its key as PEM files.
func writeCert(t *testing.T, dir string) (certFile, keyFile string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	kder, err := x509.MarshalECPrivateKey(key)
	require.NoError(t, err)
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	require.NoError(t, os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600))
	require.NoError(t, os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600))
	return certFile, keyFile
}

func TestTLSConfig(t *testing.T) {
	dir := t.TempDir()
	cert, key := writeCert(t, dir)
	notPEM := filepath.Join(dir, "not.pem")
	require.NoError(t, os.WriteFile(notPEM, []byte("hello"), 0o600))

	t.Run("off", func(t *testing.T) {
		tc, err := tlsConfig(TLSConfig{})
		require.NoError(t, err)
		assert.Nil(t, tc)
	})
	t.Run("system roots, verification on", func(t *testing.T) {
		tc, err := tlsConfig(TLSConfig{Enable: true})
		require.NoError(t, err)
		require.NotNil(t, tc)
		assert.Nil(t, tc.RootCAs)
		assert.False(t, tc.InsecureSkipVerify)
		assert.Equal(t, uint16(tls.VersionTLS12), tc.MinVersion)
	})
	t.Run("CA and client certificate", func(t *testing.T) {
		tc, err := tlsConfig(TLSConfig{CAFile: cert, CertFile: cert, KeyFile: key})
		require.NoError(t, err)
		require.NotNil(t, tc.RootCAs)
		assert.Len(t, tc.Certificates, 1)
	})
	t.Run("skip verify is explicit", func(t *testing.T) {
		tc, err := tlsConfig(TLSConfig{InsecureSkipVerify: true})
		require.NoError(t, err)
		assert.True(t, tc.InsecureSkipVerify)
	})
	for name, c := range map[string]TLSConfig{
		"missing CA":    {CAFile: filepath.Join(dir, "none.pem")},
		"CA not PEM":    {CAFile: notPEM},
		"key mismatch":  {CertFile: cert, KeyFile: notPEM},
		"missing cert":  {CertFile: filepath.Join(dir, "none.pem"), KeyFile: key},
		"cert is a key": {CertFile: key, KeyFile: key},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := tlsConfig(c)
			assert.Error(t, err)
		})
	}
}

func TestSASLMechanism(t *testing.T) {
	tests := map[string]struct {
		mech, name string
	}{
		"none":          {"", ""},
		"plain":         {"plain", "PLAIN"},
		"scram-sha-256": {"scram-sha-256", "SCRAM-SHA-256"},
		"scram-sha-512": {"scram-sha-512", "SCRAM-SHA-512"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			m, err := saslMechanism(SASLConfig{Mechanism: tc.mech, Username: "u", Password: "p"})
			require.NoError(t, err)
			if tc.name == "" {
				assert.Nil(t, m)
				return
			}
			require.NotNil(t, m)
			assert.Equal(t, tc.name, m.Name())
		})
	}
	_, err := saslMechanism(SASLConfig{Mechanism: "gssapi"})
	assert.Error(t, err)
}

// TestHealthEndpoints checks /healthz and /readyz through the states of a
// service that has not connected anywhere.
func TestHealthEndpoints(t *testing.T) {
	svc, err := New(Options{Config: Config{Brokers: []string{"127.0.0.1:1"}, InputTopic: "in", OutputTopic: "out"},
		Extractor: faultyExtractor{}})
	require.NoError(t, err)
	get := func(path string) int {
		rec := httptest.NewRecorder()
		svc.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec.Code
	}
	assert.Equal(t, http.StatusOK, get("/healthz"))
	assert.Equal(t, http.StatusServiceUnavailable, get("/readyz"), "not in the group yet")
	svc.health.inGroup.Store(true)
	assert.Equal(t, http.StatusOK, get("/readyz"))
	svc.health.producing.Store(false)
	assert.Equal(t, http.StatusServiceUnavailable, get("/readyz"), "producing fails")
	svc.health.producing.Store(true)
	svc.health.stopping.Store(true)
	assert.Equal(t, http.StatusServiceUnavailable, get("/readyz"), "stopping")
	assert.Equal(t, http.StatusOK, get("/healthz"), "alive while stopping")
	assert.Equal(t, http.StatusOK, get("/metrics"))
	assert.Equal(t, http.StatusNotFound, get("/nope"))
}

package stream

import "github.com/segmentio/kafka-go"

// Clients returns a dialer and a transport for c's brokers with its TLS,
// SASL and client id, for other commands that talk to the same cluster
// (extractor batch). c needs no topics; it is used as given.
func Clients(c Config) (*kafka.Dialer, *kafka.Transport, error) {
	cn, err := newConn(c)
	if err != nil {
		return nil, nil, err
	}
	return cn.dialer, cn.trans, nil
}

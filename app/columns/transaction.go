package columns

import (
	"strings"
	"unicode"
)

// TxnKind is what a payment export's transaction type says a row is.
type TxnKind int

// The kinds of transaction.
const (
	// TxnUnknown: the value is not a transaction type this package knows.
	TxnUnknown TxnKind = iota
	// TxnSale: money a customer paid for an order (PayPal's Express
	// Checkout Payment, Klarna's SALE, a charge).
	TxnSale
	// TxnRefund: money returned to a customer (PayPal's Payment Refund,
	// Klarna's RETURN, a reversal or chargeback).
	TxnRefund
	// TxnOther: money that is neither: a transfer or withdrawal to the
	// shop's bank, a fee, a currency conversion, a hold, a payout.
	TxnOther
)

// Words of transaction types, folded (Fold), in our users' languages.
// TransactionKind asks otherTxnWords first ("Reversal of General Account
// Hold" is a hold, "Fee Reversal" a fee), then refundTxnWords ("Payment
// Refund" is a refund), then saleTxnWords.
var (
	otherTxnWords = txnWords("withdraw", "transfer", "conversion", "currency", "fee", "hold", "payout", "deposit",
		"authori", "reserve", "adjustment", "bank", "interest", "tax", "invest", "loan", "cashback",
		"auszahlung", "uberweisung", "abhebung", "umrechnung", "gebuhr", "einzahlung",
		"udbetaling", "overforsel", "haevning", "gebyr", "utbetaling", "overforing", "uttak", "uttag",
		"avgift", "omvandling", "valuta", "bawas", "singil")
	refundTxnWords = txnWords("refund", "reversal", "chargeback", "return", "erstattung", "gutschrift", "storno",
		"tilbagebetal", "refusion", "tilbakebetal", "refusjon", "aterbetal", "retur", "ibinalik")
	saleTxnWords = txnWords("payment", "sale", "charge", "purchase", "order", "capture", "checkout", "subscription",
		"donation", "invoice", "zahlung", "verkauf", "kauf", "betaling", "salg", "kob", "kjop", "betalning",
		"forsaljning", "kop", "bayad", "benta", "pagbili")
)

// TransactionKind reads a transaction type as payment exports write it
// ("Express Checkout Payment", "Payment Refund", "General Withdrawal",
// "SALE", "FEE", "RETURN", "charge", "payment_refund").
func TransactionKind(v string) TxnKind {
	tokens := txnTokens(v)
	letters := make([]uint32, len(tokens))
	for i, t := range tokens {
		letters[i] = letterSet(t)
	}
	switch {
	case txnWord(tokens, letters, otherTxnWords):
		return TxnOther
	case txnWord(tokens, letters, refundTxnWords):
		return TxnRefund
	case txnWord(tokens, letters, saleTxnWords):
		return TxnSale
	}
	return TxnUnknown
}

// txnList is a list of transaction words, each with its set of letters
// (letterSet): a token that lacks one of a word's letters neither begins
// with it nor holds it, which txnWord tells without comparing them (the
// columns' roles try every sampled value with letters against some 80
// words: Online Retail's 2,000 product descriptions of a few words each).
type txnList struct {
	words   []string
	letters []uint32
}

func txnWords(ws ...string) txnList {
	l := txnList{words: ws, letters: make([]uint32, len(ws))}
	for i, w := range ws {
		l.letters[i] = letterSet(w)
	}
	return l
}

// letterSet is the set of the letters a to z that s holds, a bit each.
func letterSet(s string) uint32 {
	var m uint32
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			m |= 1 << (c - 'a')
		}
	}
	return m
}

// txnTokens returns the words of v (its runs of letters), each folded
// (Fold). An ASCII value is lower-cased once and its words are spans of
// that: the roles of the columns try every sampled value with letters
// (Online Retail's 2,000 product descriptions of a few words each).
func txnTokens(v string) []string {
	var tokens []string
	if !ascii(v) {
		for _, w := range strings.FieldsFunc(v, func(r rune) bool { return !unicode.IsLetter(r) }) {
			tokens = append(tokens, Fold(w))
		}
		return tokens
	}
	lower := strings.ToLower(v)
	for i := 0; i < len(lower); {
		if c := lower[i]; c < 'a' || c > 'z' {
			i++
			continue
		}
		j := i + 1
		for j < len(lower) && lower[j] >= 'a' && lower[j] <= 'z' {
			j++
		}
		tokens = append(tokens, lower[i:j])
		i = j
	}
	return tokens
}

// longTxnWord is the length from which a transaction word is found inside
// a compound ("Rückerstattung" holds "erstattung"); a shorter one only
// begins a word ("Fee", "Fees", never "Coffee").
const longTxnWord = 6

// txnWord tells whether one of the tokens (words of a value, folded;
// letters[i] the set of token i's letters) begins with one of the
// words of l, or holds a long one.
func txnWord(tokens []string, letters []uint32, l txnList) bool {
	for i, t := range tokens {
		for j, w := range l.words {
			if l.letters[j]&^letters[i] != 0 || len(w) > len(t) {
				continue
			}
			if strings.HasPrefix(t, w) || len(w) >= longTxnWord && strings.Contains(t, w) {
				return true
			}
		}
	}
	return false
}

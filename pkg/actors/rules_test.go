package actors

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/pkg/events"
)

// TestAffiliationRules: an affiliation to an organization is that
// organization's actor name in the article; officials of international
// bodies and party leaders belong to the body or party.
func TestAffiliationRules(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		person  string
		aff     string
		mention string // the person's first mention
	}{
		{
			name:    "organization acronym before a title",
			text:    "UN Secretary-General Ban Ki-moon said the talks must go on. The United Nations (UN) sent aid.",
			person:  "Ban Ki-moon",
			aff:     "United Nations",
			mention: "Ban Ki-moon",
		},
		{
			name:    "acronym resolved to the full name the article gives",
			text:    "Javier Solana, the EU foreign-policy chief, said the European Union would help.",
			person:  "Javier Solana",
			aff:     "European Union",
			mention: "Javier Solana",
		},
		{
			name:    "short form resolved to the longer name of the same body",
			text:    "The Kenya Red Cross Society said 300 people had died. A Red Cross spokesman, Anthony Mwangi, said more aid was needed.",
			person:  "Anthony Mwangi",
			aff:     "Kenya Red Cross Society",
			mention: "Anthony Mwangi",
		},
		{
			name:    "organization cue beats a country of the same strength",
			text:    "Israel was attacked at the United Nations General Assembly. The UN General Assembly President, Father Miguel d'Escoto Brockmann of Nicaragua, called for a boycott.",
			person:  "Miguel d'Escoto Brockmann",
			aff:     "United Nations General Assembly",
			mention: "Miguel d'Escoto Brockmann",
		},
		{
			name:    "party leader in an of-phrase after a faction",
			text:    "Arthur Mutambara, leader of a faction of the Movement for Democratic Change, said he would join.",
			person:  "Arthur Mutambara",
			aff:     "Movement for Democratic Change",
			mention: "Arthur Mutambara",
		},
		{
			name:    "party acronym before a role in apposition",
			text:    "The Movement for Democratic Change said it would boycott. Nelson Chamisa, the MDC spokesman, agreed.",
			person:  "Nelson Chamisa",
			aff:     "Movement for Democratic Change",
			mention: "Nelson Chamisa",
		},
		{
			name:    "party acronym before a title and name",
			text:    "Zimbabwe's opposition Movement for Democratic Change (MDC) boycotted the cabinet. MDC leader Morgan Tsvangirai said the party would not return.",
			person:  "Morgan Tsvangirai",
			aff:     "Movement for Democratic Change",
			mention: "Morgan Tsvangirai",
		},
		{
			name:    "modifiers before a party name",
			text:    "Kemal Kilicdaroglu, the leader of the main opposition Republican People's Party, said the arrests were political.",
			person:  "Kemal Kilicdaroglu",
			aff:     "Republican People's Party",
			mention: "Kemal Kilicdaroglu",
		},
		{
			name:    "bracketed acronym joins a name with and",
			text:    "Christopher Gunness, a spokesman for the United Nations Relief and Works Agency (UNRWA), said the agency would suspend its operations.",
			person:  "Christopher Gunness",
			aff:     "United Nations Relief and Works Agency",
			mention: "Christopher Gunness",
		},
		{
			name:    "acronym before its full name in brackets",
			text:    "The secretary general of CEI (Italian Episcopal Conference), Nunzio Galantino, has called the sentence dangerous.",
			person:  "Nunzio Galantino",
			aff:     "Italian Episcopal Conference",
			mention: "Nunzio Galantino",
		},
		{
			name:    "leader of an organization named before led by",
			text:    "Ministers from a splinter faction of the Movement for Democratic Change led by Arthur Mutambara attended the meeting.",
			person:  "Arthur Mutambara",
			aff:     "Movement for Democratic Change",
			mention: "Arthur Mutambara",
		},
		{
			name:    "spokesman for a person's organization",
			text:    "George Sibotshiwe, a spokesman for Tsvangirai's Movement for Democratic Change, said he was worried.",
			person:  "George Sibotshiwe",
			aff:     "Movement for Democratic Change",
			mention: "George Sibotshiwe",
		},
		{
			name:    "member of a party after a place and modifiers",
			text:    "State education minister Partha Chatterjee, of the West Bengal ruling Trinamool Congress party, condemned the agitation.",
			person:  "Partha Chatterjee",
			aff:     "Trinamool Congress",
			mention: "Partha Chatterjee",
		},
		{
			name:    "activist with a group introduced by modifiers",
			text:    "The event also hosted Inna Shevchenko, an activist with the feminist protest group FEMEN.",
			person:  "Inna Shevchenko",
			aff:     "FEMEN",
			mention: "Inna Shevchenko",
		},
		{
			name:    "demonym before a title that a list calls an organization",
			text:    "The ruling party, led by current Russian Prime Minister Vladimir Putin, won the vote.",
			person:  "Vladimir Putin",
			aff:     "RU",
			mention: "Vladimir Putin",
		},
		{
			name:    "founder in a relative clause",
			text:    "Mark Zuckerberg, who founded Facebook, invited the boy.",
			person:  "Mark Zuckerberg",
			aff:     "Facebook",
			mention: "Mark Zuckerberg",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			as := run(t, tc.text)
			a := find(t, as, tc.person)
			assert.Equal(t, events.KindPerson, a.Kind)
			assert.Equal(t, tc.aff, a.Affiliation)
			require.NotEmpty(t, a.Spans)
			assert.Equal(t, inOrder(t, tc.text, []string{tc.mention})[0], a.Spans[0])
		})
	}
}

// TestOrganizationNames: organizations are named by their full name; short
// forms and acronyms join them.
func TestOrganizationNames(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		org     string
		aliases []string
		spans   []string
	}{
		{
			name:    "acronym alone is named by its known full name",
			text:    "So far, 12 NATO troops have died in the offensive.",
			org:     "North Atlantic Treaty Organization",
			aliases: []string{"NATO"},
			spans:   []string{"NATO"},
		},
		{
			name:    "acronym form and bare head join the full name",
			text:    "Israel was attacked at the United Nations General Assembly. The UN General Assembly President spoke. The General Assembly later voted.",
			org:     "United Nations General Assembly",
			aliases: []string{"UN General Assembly", "General Assembly"},
			spans:   []string{"United Nations General Assembly", "UN General Assembly", "General Assembly"},
		},
		{
			name:    "short form joins a name with a country before it",
			text:    "The Kenya Red Cross Society said 300 people had died. The Red Cross said more aid was needed.",
			org:     "Kenya Red Cross Society",
			aliases: []string{"Red Cross"},
			spans:   []string{"Kenya Red Cross Society", "Red Cross"},
		},
		{
			name:    "acronym that reads like a Roman numeral",
			text:    "The Movement for Democratic Change (MDC) boycotted the cabinet. The MDC said it would not return.",
			org:     "Movement for Democratic Change",
			aliases: []string{"MDC"},
			spans:   []string{"Movement for Democratic Change", "MDC", "MDC"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			as := run(t, tc.text)
			a := find(t, as, tc.org)
			assert.Equal(t, events.KindOrganization, a.Kind)
			assert.ElementsMatch(t, tc.aliases, a.Aliases)
			assert.Equal(t, inOrder(t, tc.text, tc.spans), a.Spans)
		})
	}
}

// TestOrganizationCountry: an organization's country from a country or
// demonym before the noun that introduces it; the article beats the
// lexicon.
func TestOrganizationCountry(t *testing.T) {
	tests := []struct {
		name, text, org, aff string
	}{
		{"demonym before an airline noun", "South Korean carrier Asiana Airlines said it would appeal the fine.", "Asiana Airlines", "KR"},
		{"demonym before a newspaper noun", "The Israeli daily Haaretz reported the deal on Monday.", "Haaretz", "IL"},
		{"possessive country before an organization noun", "Israel's state broadcaster IBA reported the deal on Monday. IBA said more.", "IBA", "IL"},
		{"demonym before an aid agency noun", "Aid workers of the Irish aid agency GOAL were freed in Darfur.", "GOAL", "IE"},
		{"city-based before a known broadcaster", "Dubai-based television network Al Jazeera broadcast an audiotape.", "Al Jazeera", "AE"},
		{"demonym that begins a known name wins over the list's country", "The Turkish Investment Fund said on Monday that it would invest in India.", "Turkish Investment Fund", "TR"},
		{"country name that begins a navy's name", "Nate Christensen of the United States Navy spoke to reporters in India.", "United States Navy", "US"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			as := run(t, tc.text)
			a := find(t, as, tc.org)
			assert.Equal(t, events.KindOrganization, a.Kind)
			assert.Equal(t, tc.aff, a.Affiliation)
			assert.Equal(t, inOrder(t, tc.text, []string{tc.org})[0], a.Spans[0])
		})
	}
}

// TestRoleRules: compound titles are kept whole, of-phrases naming an
// office stay in the role, relational nouns take the other person's
// office, and a role of someone else is not given.
func TestRoleRules(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		person string
		roles  []string
		aff    string // checked when not empty
	}{
		{
			name:   "title with a capitalised field",
			text:   "The US State Department said John Kerry, the Secretary of State, contacted Thailand's foreign minister.",
			person: "John Kerry",
			roles:  []string{"secretary of state"},
			aff:    "US",
		},
		{
			name:   "chief of the general staff",
			text:   "Lt. Gen. Zhang Qisheng, deputy chief of the general staff of the People's Liberation Army, spoke on Saturday.",
			person: "Zhang Qisheng",
			roles:  []string{"lieutenant general", "deputy chief of the general staff"},
			aff:    "People's Liberation Army",
		},
		{
			name:   "field after an organization name",
			text:   "Catherine Ashton, head of EU foreign policy, said the bloc is very concerned about the European Union.",
			person: "Catherine Ashton",
			roles:  []string{"head of foreign policy"},
			aff:    "European Union",
		},
		{
			name:   "title followed by designate",
			text:   "Ali Babacan, deputy prime minister designate, arrived in Ankara.",
			person: "Ali Babacan",
			roles:  []string{"deputy prime minister designate"},
		},
		{
			name:   "of-phrase naming an institution",
			text:   "Heru Aji Pratomo, head of the disaster management centre, said the water was rising.",
			person: "Heru Aji Pratomo",
			roles:  []string{"head of the disaster management centre"},
		},
		{
			name:   "service role to an office holder",
			text:   "Claudio De Vincenti, undersecretary to the prime minister, said the law would change.",
			person: "Claudio De Vincenti",
			roles:  []string{"undersecretary to the prime minister"},
		},
		{
			name:   "plural role with an of-phrase",
			text:   "Ali Musa, one of the officials of a volunteer ambulance service in Mogadishu, said a mother had died.",
			person: "Ali Musa",
			roles:  []string{"official of a volunteer ambulance service"},
		},
		{
			name:   "counterpart takes the office of the person before",
			text:   "Giulio Terzi, foreign minister of Italy, said the shootdown was serious. His British counterpart, William Hague, said he agreed.",
			person: "William Hague",
			roles:  []string{"foreign minister"},
			aff:    "GB",
		},
		{
			name:   "colleague after their takes the demonym, not the pronoun's referent",
			text:   "Giulio Terzi, foreign minister of Italy, spoke at the Security Council. Their French colleague, Laurent Fabius, said the attack was unacceptable.",
			person: "Laurent Fabius",
			roles:  []string{"foreign minister"},
			aff:    "FR",
		},
		{
			name:   "role stated by the verb of a relative clause",
			text:   "Alireza Mehraban, who coaches the team, said it was proud.",
			person: "Alireza Mehraban",
			roles:  []string{"coach"},
		},
		{
			name:   "lower-case title before the name",
			text:   "The team was led by coach Alireza Mehraban on Sunday.",
			person: "Alireza Mehraban",
			roles:  []string{"coach"},
		},
		{
			name:   "stance adjective left out of the role",
			text:   "Pro-Beijing lawmakers were re-elected, as were pan-democratic councillors Claudia Mo of the Civic Party and Wong Pik-wan of the Democratic Party.",
			person: "Claudia Mo",
			roles:  []string{"councillor"},
			aff:    "Civic Party",
		},
		{
			name:   "verb before a title is no role",
			text:   "Mugabe accused British Prime Minister Gordon Brown of interfering in Zimbabwe's affairs.",
			person: "Gordon Brown",
			roles:  []string{"prime minister"},
			aff:    "GB",
		},
		{
			name:   "plural object of a verb is not the role of the next subject",
			text:   "Fitzsimons used his pistol to kill Darren Hoare, 37. Fitzsimons told the judges Hoare then grabbed the pistol.",
			person: "Darren Hoare",
			roles:  []string{},
		},
		{
			name:   "object of a verb before a comma is no apposition",
			text:   "Daniel Montalvo was arrested. After calling his mother, Montalvo was put through to an attorney.",
			person: "Daniel Montalvo",
			roles:  []string{},
		},
		{
			name:   "editor at large",
			text:   "Khaled Al-Maeena, editor at large at the Saudi Gazette, said it could have been worse.",
			person: "Khaled Al-Maeena",
			roles:  []string{"editor at large"},
			aff:    "Saudi Gazette",
		},
		{
			name:   "one of several in a predicate",
			text:   "Arthur Mutambara, who is one of two deputy prime ministers, spoke.",
			person: "Arthur Mutambara",
			roles:  []string{"deputy prime minister"},
		},
		{
			name:   "title with designate before the name",
			text:   "The announcement came after agriculture deputy minister designate Roy Bennett was arrested.",
			person: "Roy Bennett",
			roles:  []string{"agriculture deputy minister designate"},
		},
		{
			name:   "participle after the title ends it",
			text:   "Jakaya Kekwete, the Tanzanian President chairing the summit, said it.",
			person: "Jakaya Kekwete",
			roles:  []string{"president"},
			aff:    "TZ",
		},
		{
			name:   "role after a common possessor",
			text:   "According to the Afghan team's coach, Alireza Mehraban, the robot worked.",
			person: "Alireza Mehraban",
			roles:  []string{"coach"},
			aff:    "AF",
		},
		{
			name:   "role after a preposition that opens the sentence",
			text:   "According to Electoral Commission Chair, Kwadwo Afari-Gyan, Atta Mills obtained 50.23 percent of ballots.",
			person: "Kwadwo Afari-Gyan",
			roles:  []string{"chair"},
			aff:    "Electoral Commission",
		},
		{
			name:   "description after a name in a phrase is the next subject",
			text:   "According to Mark Rathbun, a detective for the Los Angeles Sheriff's office was provided with material.",
			person: "Mark Rathbun",
			roles:  []string{},
		},
		{
			name:   "apposition without its closing comma",
			text:   "William Caldwell, a U.S military spokesman acknowledged there were possibly nine deaths.",
			person: "William Caldwell",
			roles:  []string{"military spokesman"},
		},
		{
			name:   "including is no part of a role",
			text:   "He was assisted by former members, including musician Tiziano Lugli.",
			person: "Tiziano Lugli",
			roles:  []string{"musician"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			as := run(t, tc.text)
			a := find(t, as, tc.person)
			assert.Equal(t, events.KindPerson, a.Kind)
			assert.Equal(t, tc.roles, a.Roles)
			if tc.aff != "" {
				assert.Equal(t, tc.aff, a.Affiliation)
			}
		})
	}
}

// TestStateRules: a country acts through its government, its officials,
// its leader's government or its head of state in an act of state; a
// leader who only speaks does not make it a state.
func TestStateRules(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		state string // "" when none is expected
		code  string
		span  string // the state's first mention
		not   []string
		also  string // another mention of the state, when not empty
	}{
		{"officials in the capital", "Officials in Ankara denied the claims on Monday.", "Turkey", "TR", "Ankara", nil, ""},
		{"officials of another body in the capital", "UN officials in Rome, Italy said that the two men worked for an aid group.", "", "", "", []string{"Italy"}, ""},
		{"head of state signs a decree", "Madagascar's president signed a decree dissolving the senate.", "Madagascar", "MG", "Madagascar", nil, ""},
		{"the country's president", "Unrest grew in Madagascar. The country's president signed a decree.", "Madagascar", "MG", "Madagascar", nil, "The country's president"},
		{"coordinated leaders congratulate", "US President Barack Obama and UK Prime Minister David Cameron have both congratulated Modi.", "United Kingdom", "GB", "UK", nil, ""},
		{"leader only speaks", "US President Barack Obama tweeted his support for the boy.", "", "", "", []string{"United States"}, ""},
		{"government named by its leader", "Barack Obama visited Kabul. The Obama administration notified Afghan president Hamid Karzai that it would keep troops.", "United States", "US", "Obama administration", nil, ""},
		{"navy acts", "The Indian Navy has reportedly placed three ships on standby to help.", "India", "IN", "Indian Navy", nil, ""},
		{"government of a leader's possessive", "Zimbabwe held a vote. Robert Mugabe spoke. Mr. Mugabe's government has said it sees no reason to negotiate.", "Zimbabwe", "ZW", "Zimbabwe", nil, "Mr. Mugabe's government"},
		{"forces named by a leader act", "Muammar Gaddafi spoke in Libya. Gaddafi forces shelled Misrata on Sunday.", "Libya", "LY", "Libya", nil, "Gaddafi forces"},
		{"capital that a list calls an organization", "Tbilisi's bid to join NATO is fiercely opposed by Moscow.", "Russia", "RU", "Moscow", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			as := run(t, tc.text)
			for _, n := range tc.not {
				for _, a := range as {
					assert.False(t, a.Kind == events.KindState && a.Name == n, "unexpected state %s", n)
				}
			}
			if tc.state == "" {
				return
			}
			a := find(t, as, tc.state)
			assert.Equal(t, events.KindState, a.Kind)
			assert.Equal(t, tc.code, a.Affiliation)
			require.NotEmpty(t, a.Spans)
			assert.Equal(t, inOrder(t, tc.text, []string{tc.span})[0], a.Spans[0])
			if tc.also != "" {
				assert.Contains(t, a.Spans, inOrder(t, tc.text, []string{tc.also})[0])
			}
		})
	}
}

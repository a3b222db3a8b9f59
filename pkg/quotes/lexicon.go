package quotes

// Word lists of the stage: common English vocabulary, written for this
// project. All keys are lower case. They are read-only after package
// initialisation.

// verbForms maps each form of a reporting verb that takes a clause (an
// indirect quote) to its base form.
var verbForms = forms(
	"say says said saying",
	"tell tells told telling",
	"state states stated stating",
	"add adds added adding",
	"claim claims claimed claiming",
	"report reports reported reporting",
	"announce announces announced announcing",
	"warn warns warned warning",
	"insist insists insisted insisting",
	"deny denies denied denying",
	"confirm confirms confirmed confirming",
	"believe believes believed believing",
	"estimate estimates estimated estimating",
	"write writes wrote writing written",
	"allege alleges alleged alleging",
	"argue argues argued arguing",
	"explain explains explained explaining",
	"note notes noted noting",
	"admit admits admitted admitting",
	"accuse accuses accused accusing",
	"assert asserts asserted asserting",
	"observe observes observed observing",
	"suggest suggests suggested suggesting",
	"testify testifies testified testifying",
	"acknowledge acknowledges acknowledged acknowledging",
	"reveal reveals revealed revealing",
	"clarify clarifies clarified clarifying",
	"contend contends contended contending",
	"counter counters countered countering",
	"complain complains complained complaining",
	"reckon reckons reckoned reckoning",
	"maintain maintains maintained maintaining",
	"stress stresses stressed stressing",
	"emphasise emphasises emphasised emphasising",
	"emphasize emphasizes emphasized emphasizing",
	"predict predicts predicted predicting",
	"declare declares declared declaring",
	"concede concedes conceded conceding",
	"disclose discloses disclosed disclosing",
	"indicate indicates indicated indicating",
	"comment comments commented commenting",
	"remark remarks remarked remarking",
	"tweet tweets tweeted tweeting",
	"fear fears feared",
	"agree agrees agreed",
	"recall recalls recalled recalling",
	"reply replies replied replying",
	"respond responds responded responding",
	"conclude concludes concluded concluding",
	"mention mentions mentioned mentioning",
	"hint hints hinted hinting",
	"speculate speculates speculated speculating",
	"charge charges charged",
	"inform informs informed informing",
	"assure assures assured assuring",
	"point points pointed pointing",
)

// directOnly are verbs that attribute a direct quote but do not make an
// indirect one: appeals, descriptions and the like ("called it", "urged").
var directOnly = forms(
	"call calls called calling",
	"describe describes described describing",
	"urge urges urged urging",
	"demand demands demanded demanding",
	"promise promises promised promising",
	"vow vows vowed vowing",
	"blame blames blamed blaming",
	"deem deems deemed deeming",
	"characterise characterises characterised characterising",
	"characterize characterizes characterized characterizing",
	"label labels labelled labeled labelling labeling",
	"term terms termed terming",
	"dub dubs dubbed dubbing",
	"condemn condemns condemned condemning",
	"welcome welcomes welcomed welcoming",
	"praise praises praised praising",
	"ask asks asked asking",
	"plead pleads pleaded pleading",
	"appeal appeals appealed appealing",
	"chant chants chanted chanting",
	"shout shouts shouted shouting",
	"quote quotes quoted quoting",
	"continue continues continued continuing",
	"advise advises advised advising",
	"read reads",
	"write writes wrote writing",
	"question questions questioned questioning",
	"reason reasons reasoned reasoning",
	"voice voices voiced voicing",
	"sigh sighs sighed sighing",
	"accept accepts accepted accepting",
	"suppose supposes supposed supposing",
	"express expresses expressed expressing",
	"order orders ordered ordering",
	"pledge pledges pledged pledging",
	"announce announces announced announcing",
	"speak speaks spoke speaking",
	"talk talks talked talking",
	"post posts posted posting",
)

// forms builds a form -> base map from lines of forms, the base first.
func forms(lines ...string) map[string]string {
	m := map[string]string{}
	for _, l := range lines {
		var base string
		for i, w := range splitWords(l) {
			if i == 0 {
				base = w
			}
			m[w] = base
		}
	}
	return m
}

func splitWords(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range splitWords(s) {
		m[w] = true
	}
	return m
}

// auxiliaries may stand between a speaker and its verb ("has said").
var auxiliaries = set("has have had will would did does do could can may might should must shall also")

// passives before a reporting verb make its subject the hearer or nobody
// ("was told", "is believed").
var passives = set("is was were are be been being am 's")

// adverbs that may stand between a speaker and its verb.
var adverbs = set("also reportedly later then previously further again earlier allegedly repeatedly " +
	"recently once initially originally strongly publicly privately separately subsequently " +
	"firmly flatly angrily immediately quickly officially formally jointly yesterday today " +
	"separately still even however too")

// timeWords may stand between a speaker and its verb ("X on Monday said").
var timeWords = set("monday tuesday wednesday thursday friday saturday sunday yesterday today tonight " +
	"morning afternoon evening night week weekend month year earlier later last this")

// ppHeads are heads of a prepositional phrase that may stand between a
// speaker and its verb ("X in a statement said").
var ppHeads = set("statement statements interview speech conference briefing letter release communique " +
	"communiqué post tweet message broadcast television radio report address remarks comments " +
	"note email e-mail website twitter facebook x telegram call meeting session hearing court " +
	"parliament news video footage monday tuesday wednesday thursday friday saturday sunday " +
	"morning afternoon evening night weekend day week time")

// ppPreps open a prepositional phrase that may stand between a speaker and
// its verb.
var ppPreps = set("in on at during via through over")

// orgNouns head a definite description of an organization ("the
// airline"); it stands for the nearest organization named before.
var orgNouns = set("airline company firm organization organisation group agency newspaper paper " +
	"broadcaster network channel party ministry department commission council committee court union " +
	"bank university institute association foundation movement alliance coalition embassy service " +
	"operator carrier manufacturer maker board body authority station daily website magazine " +
	"agency charity club team league federation office municipality")

// sourceNouns name something that speaks for its owner: "a statement from
// X", "a spokesman for X", "sources in X".
var sourceNouns = set("statement statements report reports communique communiqué release spokesman " +
	"spokeswoman spokesperson spokespeople spokesmen spokeswomen official officials source sources " +
	"member members representative representatives website letter announcement investigators " +
	"investigator staff employee employees tweet post document note notice bulletin memo reporter reporters " +
	"correspondent correspondents journalist journalists editor data figures comment comments")

// memberNouns are heads of a description of an unnamed member of a named
// organization ("a UN spokesman", "UN investigators", "police officials").
var memberNouns = set("spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen official " +
	"officials source sources member members representative representatives investigators " +
	"investigator staff employee employees officer officers statement statements report " +
	"communique communiqué release website delegation delegate delegates worker workers " +
	"monitors inspectors experts expert researchers researcher soldier soldiers troops peacekeeper " +
	"peacekeepers fighter fighters")

// cutWords end an organization or a title inside a long capitalised run
// before a person's name.
var cutWords = set("relations association council ministry department office agency organization " +
	"organisation party committee commission authority institute university state " +
	"court union bureau service police army force forces group news times post affairs interior " +
	"director country")

// govNouns, after a country or its adjective, make the country's
// government the speaker ("Pakistani authorities", "Iran's government").
var govNouns = set("authorities government officials administration ministry military army police " +
	"forces troops navy regime leadership cabinet presidency embassy officials diplomats " +
	"security-forces junta state")

// statementNouns are heads that stand for a statement already named
// ("the statement reads").
var statementNouns = set("statement communique communiqué release letter report document text message post " +
	"comment comments remarks announcement")

// titles precede a name and are not part of it.
var titles = set("mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady president " +
	"vice-president premier chancellor minister secretary senator sen. sen rep. rep congressman " +
	"congresswoman governor gov. gov mayor judge justice general gen. gen colonel col. col " +
	"lieutenant lt. lt major maj. captain capt. capt sergeant sgt. admiral adm. commander cmdr. " +
	"ambassador imam ayatollah cardinal pope king queen prince princess emperor " +
	"chief inspector superintendent detective officer professor father rev. reverend brother " +
	"sister private corporal cpl. pte. lance marshal field prime foreign defence defense interior " +
	"finance deputy acting former interim opposition leader spokesman spokeswoman spokesperson " +
	"the")

// titleWords are capitalised words of a title before a name ("Foreign
// Secretary Marcelo Ebrard", "El Paso Mayor Dee Margo").
var titleWords = set("foreign prime deputy vice defence defense interior finance home justice health " +
	"education state secretary minister mayor governor president senator chairman chief director " +
	"spokesman spokeswoman spokesperson ambassador general commander judge prosecutor officer " +
	"premier chancellor leader head representative envoy attorney")

// pronouns that stand for a speaker.
var pronouns = map[string]string{
	"he": "he", "she": "she", "they": "they", "it": "it", "him": "he", "her": "she", "them": "they",
}

// roleHeads are nouns that name a person by role ("the spokesman", "Iran's
// foreign minister").
var roleHeads = set("minister president spokesman spokeswoman spokesperson secretary premier chancellor " +
	"governor mayor ambassador envoy representative commander general chief director head leader " +
	"chairman chairwoman chairperson ceo prosecutor judge official diplomat analyst expert " +
	"lawyer attorney negotiator adviser advisor aide king queen emir prince sultan pope " +
	"coordinator commissioner administrator superintendent inspector officer colonel captain " +
	"senator lawmaker speaker founder owner manager editor correspondent professor researcher " +
	"monarch ayatollah cleric imam mufti vice-president president-elect spokesperson")

// determiners dropped from the front of a description.
var determiners = set("a an the this that these those its their his her our some another")

// humanNouns head a description of one person; "he" or "she" may refer
// back to it.
var humanNouns = set("official spokesman spokeswoman spokesperson witness eyewitness resident victim " +
	"policeman policewoman officer man woman soldier doctor analyst expert diplomat lawyer relative " +
	"survivor student teacher worker mother father son daughter brother sister neighbour neighbor " +
	"farmer driver pilot passenger journalist reporter correspondent activist cleric commander leader " +
	"member representative minister source guard villager shopkeeper owner nurse engineer employee " +
	"citizen local prosecutor judge friend husband wife boy girl")

// clauseCuts end a reported clause when they follow a comma: another
// reporting phrase begins there.
var clauseCuts = set("adding saying noting according stressing explaining insisting warning arguing " +
	"claiming stating citing quoting")

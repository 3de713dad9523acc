import { between, pick, pickSome, randomFromSeed, type Random } from './random';

/**
 * Made-up provincial news in Vietnamese, for archives of any size: a title, a lead (sapo), a body
 * of newspaper length in Markdown with `## ` subheadings, a cover caption and tags. Everything
 * follows from the article's number and section, so the same article comes out the same on every
 * machine. Sentences are assembled from templates and word lists: the text reads like a report
 * from the provinces at a glance, varies from article to article (as search indexing and
 * compression benchmarks need), and names no real person.
 */
export interface GeneratedText {
  title: string;
  sapo: string;
  body: string;
  coverCaption: string;
  tags: string[];
}

/** What a section writes about; `{slots}` in the phrases are filled per article. */
interface Beat {
  titles: string[];
  /** Verb phrases: what the place or organisation does ("đưa giống lúa mới vào sản xuất"). */
  actions: string[];
  /** Noun phrases: what money and effort go to ("kiên cố hóa kênh mương nội đồng"). */
  goals: string[];
  /** The organisations that speak for the section. */
  orgs: string[];
  tags: string[];
  captions: string[];
}

const COMMUNES = [
  'Tân Lập',
  'Hòa Phú',
  'Phước Sơn',
  'Thạnh Mỹ',
  'Bình Minh',
  'An Phú',
  'Đại Hưng',
  'Tam Hiệp',
  'Quế Trung',
  'Hương Trà',
  'Nghĩa Thắng',
  'Xuân Lộc',
  'Đồng Tâm',
  'Trung Hòa',
  'Mỹ Lộc',
  'Vĩnh Thạnh',
  'Phong Điền',
  'Cát Tiên',
  'Long Hưng',
  'Ea Tul',
  'Sơn Kỳ',
  'Hành Tín',
  'Ba Điền',
  'Tịnh Bắc',
  'Đức Lân',
  'Phổ Cường',
  'Hiệp Đức',
  'Trà Thủy',
  'Minh Tân',
  'Yên Bình',
];
const DISTRICTS = [
  'Sơn Lâm',
  'Hòa Vang',
  'Tam Nông',
  'Phú Ninh',
  'Đông Sơn',
  'Nam Giang',
  'Bắc Bình',
  'Tân Phước',
  'Thanh Hà',
  'Kim Sơn',
  'Yên Lạc',
  'Lạc Dương',
];
const VILLAGES = [
  'thôn Bến Đá',
  'bản Nà Khoang',
  'thôn Gò Vàng',
  'làng Plei Ơi',
  'thôn Phú Lễ',
  'bản Khe Mát',
  'thôn An Hội',
  'xóm Bãi Dâu',
  'thôn Trà Lăng',
  'làng Kon Rơ',
  'thôn Đông Yên',
  'bản Pá Khoang',
];
const FAMILY_NAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Lò',
];
const MIDDLE_NAMES = {
  ông: ['Văn', 'Hữu', 'Minh', 'Quốc', 'Đức', 'Xuân', 'Thanh'],
  bà: ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh'],
};
const GIVEN_NAMES = {
  ông: [
    'An',
    'Bình',
    'Cường',
    'Dũng',
    'Hải',
    'Hùng',
    'Long',
    'Nam',
    'Phong',
    'Phúc',
    'Quang',
    'Sơn',
    'Thắng',
    'Tuấn',
    'Vinh',
    'Khoa',
    'Lộc',
    'Tùng',
  ],
  bà: [
    'Hà',
    'Hạnh',
    'Hương',
    'Lan',
    'Mai',
    'Thảo',
    'Trang',
    'Yến',
    'Nga',
    'Oanh',
    'Hòa',
    'Tâm',
    'Dung',
    'Liên',
  ],
};
const POSITIONS = [
  'Chủ tịch UBND xã {commune}',
  'Phó Chủ tịch UBND huyện {district}',
  'Bí thư Đảng ủy xã {commune}',
  'Trưởng phòng Kinh tế huyện {district}',
  'Giám đốc Hợp tác xã {commune}',
  'Trưởng {village}',
  'Phó Giám đốc {org}',
  'Trưởng ban Dân vận huyện {district}',
  'người dân {village}',
  'Hiệu trưởng Trường THCS {commune}',
  'Trạm trưởng Trạm Y tế xã {commune}',
  'tiểu thương chợ {commune}',
];
const TIMES_OF_DAY = ['Sáng', 'Chiều', 'Tối', 'Trưa'];

const HEADINGS = [
  'Chuyển biến rõ nét từ cơ sở',
  'Khó khăn vẫn còn ở phía trước',
  'Cần sự vào cuộc đồng bộ',
  'Hiệu quả bước đầu',
  'Kỳ vọng từ cách làm mới',
  'Nhiều giải pháp đồng bộ',
  'Lan tỏa trong cộng đồng',
  'Những con số biết nói',
  'Tiếp tục tháo gỡ vướng mắc',
  'Hướng đi bền vững',
  'Người dân đồng thuận',
  'Không để ai bị bỏ lại phía sau',
  'Từ chủ trương đến hành động',
  'Bài toán nguồn lực',
  'Sát cánh cùng người dân',
  'Những việc cần làm ngay',
  'Niềm vui trên từng nẻo đường',
  'Đòn bẩy cho phát triển',
  'Vướng đâu gỡ đó',
  'Giữ vững thành quả',
  'Dấu ấn của một năm nỗ lực',
  'Bài học kinh nghiệm',
];

// Sentences of a report; {action}, {goal}, {org} come from the article's beat.
const SENTENCES = [
  'Theo {org}, thời gian qua {place} đã {action}, bước đầu mang lại kết quả tích cực.',
  'Từ đầu năm đến nay, huyện {district} đã huy động hơn {money} để {action}, đạt {pct}% kế hoạch năm.',
  'Nhờ cách làm bài bản, nhiều hộ dân ở {village} đã chủ động tham gia và sớm thấy được lợi ích.',
  'Đến nay, toàn xã có {count} hộ tham gia, tăng gần gấp đôi so với cùng kỳ năm trước.',
  'Kinh phí thực hiện khoảng {money}, trong đó ngân sách tỉnh hỗ trợ {pct}%, phần còn lại do người dân đóng góp.',
  '{Goal} được xác định là một trong những nhiệm vụ trọng tâm, cần sự phối hợp chặt chẽ giữa các ngành, các cấp.',
  'Tuy vậy, quá trình triển khai vẫn gặp không ít khó khăn do địa bàn rộng, giao thông đi lại còn hạn chế.',
  'Một số nơi còn lúng túng trong cách làm, chưa phát huy hết vai trò của người dân và cộng đồng.',
  'Đoàn công tác của {org} đã kiểm tra thực tế tại {village} và ghi nhận nhiều chuyển biến tích cực.',
  'Trong {months} tháng, các đơn vị đã tổ chức {small} lớp tập huấn với hơn {count} lượt người tham dự.',
  'Chính quyền địa phương cam kết tạo mọi điều kiện thuận lợi để người dân yên tâm {action}.',
  'Bên cạnh kết quả đạt được, {org} cũng chỉ ra những hạn chế cần sớm khắc phục trong thời gian tới.',
  'Năm {year}, tỉnh đặt mục tiêu hoàn thành {goal} ở ít nhất {small} huyện, thị xã.',
  'Kết quả khảo sát cho thấy hơn {pct}% người dân hài lòng với cách làm này.',
  'Nhiều tổ chức, doanh nghiệp trên địa bàn đã chung tay đóng góp hơn {money} cho chương trình.',
  'Đây là lần đầu tiên {place} tổ chức hoạt động này với quy mô lớn như vậy.',
  'Ngay sau đó, UBND huyện {district} đã chỉ đạo các phòng, ban chuyên môn vào cuộc quyết liệt.',
  'Các thôn, bản đều thành lập tổ công tác, phân công cán bộ bám sát từng hộ dân.',
  'Sau {months} tháng triển khai, diện mạo {village} đã có nhiều đổi thay rõ rệt.',
  'Thời gian tới, địa phương sẽ tiếp tục {action}, phấn đấu hoàn thành trước thời hạn.',
  'Tỉnh cũng đề nghị các bộ, ngành trung ương quan tâm hỗ trợ thêm nguồn lực cho {goal}.',
  'Những kết quả này góp phần quan trọng vào việc hoàn thành các chỉ tiêu phát triển kinh tế – xã hội năm {year}.',
  'Theo kế hoạch, đến cuối quý {quarter}, toàn bộ các hạng mục sẽ được nghiệm thu và đưa vào sử dụng.',
  'Không chỉ dừng ở đó, nhiều sáng kiến hay từ cơ sở đã được đề xuất để nhân rộng.',
  'Nhìn lại chặng đường đã qua, có thể thấy sự đồng lòng của người dân là yếu tố quyết định.',
  'Cũng theo {org}, tổng giá trị đạt được ước khoảng {money}, tăng {pct}% so với năm trước.',
  'Người dân {village} không giấu được niềm vui khi {goal} trở thành hiện thực.',
  'Với {count} hộ hưởng lợi trực tiếp, chương trình đang tạo động lực mới cho vùng đất này.',
  'Dù thời tiết không thuận lợi, lực lượng tại chỗ vẫn bám địa bàn, bảo đảm tiến độ đề ra.',
  'Cán bộ xã thường xuyên xuống tận nhà dân để tuyên truyền, giải thích và lắng nghe ý kiến.',
  'Mô hình được đánh giá phù hợp với điều kiện thực tế và có khả năng nhân rộng ra các xã lân cận.',
  'Các ý kiến tại buổi làm việc tập trung vào giải pháp huy động nguồn lực và nâng cao hiệu quả quản lý.',
];

const QUOTES = [
  'Trước đây bà con còn e dè, nhưng khi thấy hiệu quả thực tế thì ai cũng hăng hái tham gia',
  'Chúng tôi xác định phải làm đến nơi đến chốn, không chạy theo thành tích',
  'Điều quan trọng nhất là người dân được hưởng lợi thật sự, chứ không phải con số trên giấy',
  'Xã sẽ tiếp tục rà soát từng trường hợp, vướng ở đâu thì gỡ ngay ở đó',
  'Nếu có thêm nguồn vốn hỗ trợ, chúng tôi tin rằng kết quả năm sau sẽ còn tốt hơn',
  'Gia đình tôi mừng lắm, giờ cuộc sống đã ổn định hơn nhiều so với mấy năm trước',
  'Cái khó nhất là thay đổi thói quen, nên phải kiên trì vận động từng nhà',
  'Chúng tôi mong các cấp tiếp tục quan tâm để địa phương có thêm điều kiện phát triển',
  'Làm được việc này là nhờ sự chung sức của cả hệ thống chính trị và bà con',
  'Mục tiêu đặt ra không dễ, nhưng chúng tôi quyết tâm hoàn thành trong năm nay',
];

const SAPO_ENDINGS = [
  'Kết quả này góp phần nâng cao đời sống vật chất và tinh thần của người dân.',
  'Đây được xem là bước đi quan trọng, tạo tiền đề cho những năm tiếp theo.',
  'Nhiều khó khăn, vướng mắc cũng đã được chỉ ra và đề xuất hướng tháo gỡ.',
  'Sự vào cuộc đồng bộ của các cấp, các ngành đã mang lại những chuyển biến rõ nét.',
  'Cách làm mới đang được người dân đồng tình, hưởng ứng.',
];

const BEATS: Record<string, Beat> = {
  'thoi-su': {
    titles: [
      '{Place} khẩn trương {action}, hơn {count} hộ dân được hỗ trợ',
      'Hơn {count} hộ dân huyện {district} được hỗ trợ sau đợt mưa lũ',
      'Khánh thành {goal} tại {village}, xã {commune}',
      'Huyện {district} chi {money} để {action}',
      'Huyện {district}: Hoàn thành {goal} sớm {small} tháng',
      'Người dân {village}, xã {commune} vui mừng đón {goal}',
      'Xã {commune} huy động {money} làm {goal}',
      'Sau {small} ngày mưa lớn, {place} {action}',
    ],
    actions: [
      'khắc phục hậu quả mưa lũ',
      'sửa chữa các tuyến đường bị sạt lở',
      'di dời dân khỏi vùng nguy hiểm',
      'gia cố đê điều, hồ đập xung yếu',
      'hoàn thiện hạ tầng giao thông nông thôn',
      'triển khai phương án phòng chống thiên tai',
      'xây dựng cầu dân sinh',
      'nạo vét kênh mương',
    ],
    goals: [
      'cầu dân sinh qua sông',
      'tuyến đường liên xã',
      'hệ thống nước sạch tập trung',
      'nhà văn hóa cộng đồng',
      'khu tái định cư cho hộ dân vùng sạt lở',
      'kè chống sạt lở bờ sông',
    ],
    orgs: [
      'Ban Chỉ huy phòng thủ dân sự tỉnh',
      'Sở Xây dựng',
      'UBND tỉnh',
      'Sở Giao thông vận tải',
    ],
    tags: ['thiên tai', 'giao thông', 'hạ tầng', 'dân sinh', 'phòng chống bão lũ'],
    captions: [
      'Lực lượng chức năng hỗ trợ người dân {village} khắc phục hậu quả mưa lũ.',
      'Công trình mới tại {place} được đưa vào sử dụng.',
      'Người dân qua lại trên tuyến đường vừa được sửa chữa.',
    ],
  },
  'chinh-tri': {
    titles: [
      'HĐND huyện {district} thông qua {small} nghị quyết về {goal}',
      'Đại biểu HĐND tỉnh tiếp xúc cử tri xã {commune}, huyện {district}',
      'Cử tri xã {commune}, huyện {district} kiến nghị {goal}',
      'UBND huyện {district} đối thoại với {count} người dân về {goal}',
      'Lãnh đạo tỉnh làm việc với xã {commune}, huyện {district} về {goal}',
      'Kỳ họp thứ {small} HĐND huyện {district} bàn giải pháp {action}',
      'Xã {commune} giải quyết {pct}% kiến nghị của cử tri về {goal}',
    ],
    actions: [
      'tiếp thu, giải quyết kiến nghị của cử tri',
      'cải cách thủ tục hành chính',
      'nâng cao chất lượng hoạt động của HĐND các cấp',
      'đẩy mạnh giải ngân vốn đầu tư công',
      'thực hiện quy chế dân chủ ở cơ sở',
      'sắp xếp đơn vị hành chính cấp xã',
    ],
    goals: [
      'sửa chữa đường liên xã',
      'bố trí vốn cho các công trình trường học',
      'giải quyết dứt điểm các vụ việc tồn đọng',
      'hỗ trợ người dân vùng dự án',
      'nâng cấp trạm y tế xã',
      'đầu tư hệ thống chiếu sáng công cộng',
    ],
    orgs: [
      'Thường trực HĐND tỉnh',
      'UBND tỉnh',
      'Ban Pháp chế HĐND tỉnh',
      'Đoàn đại biểu Quốc hội tỉnh',
    ],
    tags: ['HĐND', 'tiếp xúc cử tri', 'chính quyền', 'cải cách hành chính', 'đầu tư công'],
    captions: [
      'Quang cảnh buổi tiếp xúc cử tri tại {place}.',
      'Đại biểu phát biểu tại kỳ họp.',
      'Cử tri {district} nêu kiến nghị với đại biểu dân cử.',
    ],
  },
  'xay-dung-dang': {
    titles: [
      'Đảng bộ xã {commune}, huyện {district} nâng cao chất lượng sinh hoạt chi bộ',
      'Huyện {district} kết nạp {count} đảng viên mới',
      'Huyện ủy {district} chú trọng {action} ở {small} xã',
      'Chi bộ {village}, xã {commune}: Gần dân, sát dân',
      'Xã {commune} đổi mới công tác {goal}',
      '{Place} sau {months} tháng {action}',
    ],
    actions: [
      'phát triển đảng viên trong thanh niên',
      'nâng cao chất lượng sinh hoạt chi bộ',
      'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
      'kiện toàn tổ chức cơ sở đảng',
      'đẩy mạnh công tác dân vận khéo',
      'bồi dưỡng lý luận chính trị cho cán bộ cơ sở',
    ],
    goals: [
      'kiểm tra, giám sát',
      'tạo nguồn phát triển đảng viên',
      'đào tạo cán bộ trẻ',
      'dân vận chính quyền',
      'sinh hoạt chuyên đề',
      'quản lý đảng viên đi làm ăn xa',
    ],
    orgs: [
      'Ban Tổ chức Tỉnh ủy',
      'Ủy ban Kiểm tra Tỉnh ủy',
      'Ban Dân vận Tỉnh ủy',
      'Huyện ủy {district}',
    ],
    tags: ['xây dựng Đảng', 'chi bộ', 'đảng viên', 'dân vận', 'cán bộ'],
    captions: ['Buổi sinh hoạt chi bộ tại {village}.', 'Lễ kết nạp đảng viên mới tại {place}.'],
  },
  'kinh-te': {
    titles: [
      '{Place} thu hoạch hơn {count} tấn {crop}, giá bán tăng {pct}%',
      'Doanh nghiệp đầu tư {money} vào {goal} tại {district}',
      'Nông dân {village}, xã {commune} làm giàu từ {crop}',
      'Xuất khẩu {crop} {months} tháng đạt {money}',
      'Hợp tác xã {commune} đưa {crop} lên sàn thương mại điện tử',
      'Huyện {district} {action} trên {count} ha',
      'Giá {crop} tăng {pct}%, nông dân xã {commune} phấn khởi',
    ],
    actions: [
      'chuyển đổi cây trồng kém hiệu quả sang {crop}',
      'xây dựng vùng nguyên liệu {crop} tập trung',
      'đưa giống mới vào sản xuất',
      'liên kết tiêu thụ nông sản theo chuỗi giá trị',
      'phát triển sản phẩm OCOP',
      'ứng dụng công nghệ cao trong trồng {crop}',
      'thu hút doanh nghiệp đầu tư vào nông nghiệp',
      'mở rộng diện tích {crop} đạt chuẩn VietGAP',
    ],
    goals: [
      'nhà máy chế biến nông sản',
      'cụm công nghiệp',
      'kho lạnh bảo quản {crop}',
      'vùng trồng {crop} có mã số',
      'chợ đầu mối nông sản',
      'trang trại chăn nuôi khép kín',
    ],
    orgs: [
      'Sở Nông nghiệp và Phát triển nông thôn',
      'Sở Công Thương',
      'Sở Kế hoạch và Đầu tư',
      'Liên minh Hợp tác xã tỉnh',
      'Ngân hàng Chính sách xã hội tỉnh',
    ],
    tags: ['nông nghiệp', 'OCOP', 'xuất khẩu', 'hợp tác xã', 'đầu tư', 'nông sản'],
    captions: [
      'Nông dân {village} thu hoạch {crop}.',
      'Sản phẩm {crop} của hợp tác xã được đóng gói trước khi xuất bán.',
      'Cánh đồng {crop} tại {place}.',
    ],
  },
  'xa-hoi': {
    titles: [
      'Hơn {count} học sinh huyện {district} nhận học bổng',
      'Xã {commune} hoàn thành {goal} trước {small} tháng',
      'Trao {small} căn nhà đại đoàn kết cho hộ nghèo xã {commune}',
      'Trạm y tế xã {commune}, huyện {district} {action}',
      'Huyện {district} nâng cao chất lượng {goal}',
      'Hơn {count} thanh niên {place} tình nguyện {action}',
      '{Money} cho {goal} ở {village}',
    ],
    actions: [
      'khám chữa bệnh miễn phí cho người dân',
      'hỗ trợ hộ nghèo xóa nhà tạm',
      'tiêm chủng mở rộng',
      'giải quyết việc làm cho lao động nông thôn',
      'chăm lo cho trẻ em có hoàn cảnh khó khăn',
      'dạy nghề cho người khuyết tật',
      'đưa nước sạch về vùng khô hạn',
    ],
    goals: [
      'phổ cập giáo dục mầm non',
      'xóa nhà tạm, nhà dột nát',
      'bảo hiểm y tế toàn dân',
      'điểm trường kiên cố',
      'bữa ăn bán trú cho học sinh',
      'nhà ở cho công nhân',
    ],
    orgs: [
      'Sở Lao động – Thương binh và Xã hội',
      'Sở Giáo dục và Đào tạo',
      'Sở Y tế',
      'Ủy ban MTTQ Việt Nam tỉnh',
      'Tỉnh đoàn',
      'Hội Liên hiệp Phụ nữ tỉnh',
    ],
    tags: ['giáo dục', 'y tế', 'an sinh xã hội', 'giảm nghèo', 'việc làm', 'thanh niên'],
    captions: [
      'Học sinh {commune} trong giờ học.',
      'Cán bộ y tế khám bệnh cho người dân {village}.',
      'Trao nhà đại đoàn kết cho hộ nghèo tại {place}.',
    ],
  },
  'phap-luat': {
    titles: [
      'Triệt phá đường dây {crime} tại huyện {district}, thu giữ {money}',
      'Khởi tố {small} bị can về tội {crime} ở xã {commune}',
      'Công an huyện {district} cảnh báo thủ đoạn {crime} mới',
      'Bắt giữ {small} đối tượng {crime} tại {village}',
      'Xét xử vụ án {crime} gây thiệt hại {money}',
      'Huyện {district} tăng cường {action}, xử lý {count} trường hợp',
    ],
    actions: [
      'tuần tra, kiểm soát an toàn giao thông',
      'phòng chống tội phạm công nghệ cao',
      'tuyên truyền pháp luật cho đồng bào vùng cao',
      'xử lý vi phạm nồng độ cồn',
      'giải quyết đơn thư khiếu nại, tố cáo',
      'trấn áp tội phạm ma túy',
    ],
    goals: [
      'an ninh trật tự ở cơ sở',
      'an toàn giao thông trên quốc lộ',
      'phòng chống lừa đảo qua mạng',
      'trợ giúp pháp lý cho người nghèo',
      'phòng cháy, chữa cháy ở khu dân cư',
    ],
    orgs: ['Công an tỉnh', 'Viện Kiểm sát nhân dân tỉnh', 'Tòa án nhân dân tỉnh', 'Sở Tư pháp'],
    tags: ['pháp luật', 'an ninh trật tự', 'lừa đảo', 'ma túy', 'an toàn giao thông'],
    captions: [
      'Lực lượng công an làm việc với các đối tượng.',
      'Cảnh sát giao thông kiểm tra phương tiện trên quốc lộ qua {district}.',
      'Quang cảnh phiên tòa.',
    ],
  },
  'van-hoa': {
    titles: [
      'Phục dựng lễ hội {festival} của đồng bào {village}, xã {commune}',
      'Câu lạc bộ {art} xã {commune} giữ lửa cho thế hệ trẻ',
      'Xã {commune}, huyện {district} bảo tồn {goal}',
      'Đặc sắc lễ hội {festival} ở huyện {district}',
      'Nghệ nhân {village} truyền dạy {art} cho {count} học sinh',
      'Huyện {district} chi {money} tôn tạo {goal}',
    ],
    actions: [
      'bảo tồn các giá trị văn hóa truyền thống',
      'truyền dạy {art} cho lớp trẻ',
      'phục dựng lễ hội {festival}',
      'xây dựng đời sống văn hóa ở khu dân cư',
      'số hóa tư liệu di sản',
      'tôn tạo di tích lịch sử cấp tỉnh',
    ],
    goals: [
      'nghề dệt thổ cẩm truyền thống',
      'di tích lịch sử cách mạng',
      'thư viện cộng đồng',
      'không gian văn hóa cồng chiêng',
      'nhà văn hóa thôn',
      'làng nghề truyền thống',
    ],
    orgs: [
      'Sở Văn hóa, Thể thao và Du lịch',
      'Bảo tàng tỉnh',
      'Trung tâm Văn hóa tỉnh',
      'Hội Văn học nghệ thuật tỉnh',
    ],
    tags: ['văn hóa', 'lễ hội', 'di sản', 'nghệ thuật truyền thống', 'làng nghề'],
    captions: [
      'Nghệ nhân biểu diễn {art} tại {place}.',
      'Lễ hội {festival} thu hút đông đảo người dân và du khách.',
    ],
  },
  'the-thao': {
    titles: [
      'Đội {sport} huyện {district} giành {rank}',
      'Hơn {count} vận động viên tranh tài giải {sport} mở rộng xã {commune}',
      'Huyện {district} vô địch giải {sport} toàn tỉnh lần thứ {small}',
      'Khai mạc Đại hội Thể dục thể thao huyện {district} lần thứ {small}',
      'Vận động viên {sport} của huyện {district} giành {small} huy chương vàng',
    ],
    actions: [
      'phát triển phong trào {sport} trong trường học',
      'đào tạo vận động viên năng khiếu',
      'đầu tư sân tập cho các câu lạc bộ',
      'tổ chức giải {sport} phong trào',
      'tuyển chọn tài năng trẻ',
    ],
    goals: [
      'nhà thi đấu đa năng',
      'sân bóng đá cỏ nhân tạo',
      'đội tuyển {sport} trẻ',
      'phong trào rèn luyện thân thể',
      'bể bơi cho học sinh',
    ],
    orgs: [
      'Sở Văn hóa, Thể thao và Du lịch',
      'Trung tâm Huấn luyện và Thi đấu thể thao tỉnh',
      'Liên đoàn Bóng đá tỉnh',
    ],
    tags: ['thể thao', 'bóng chuyền', 'bóng đá', 'điền kinh', 'thể thao phong trào'],
    captions: [
      'Pha tranh chấp trong trận đấu tại {place}.',
      'Các vận động viên trên bục nhận huy chương.',
    ],
  },
  'du-lich': {
    titles: [
      'Mùa {season} ở {village}, xã {commune} hút khách',
      '{Place} phát triển du lịch cộng đồng với {small} homestay',
      'Trải nghiệm một ngày {experience} tại {village}, xã {commune}',
      'Du lịch huyện {district} đón hơn {count} lượt khách dịp lễ',
      'Khám phá {goal} ở xã {commune}, huyện {district}',
    ],
    actions: [
      'phát triển du lịch cộng đồng',
      'xây dựng sản phẩm du lịch trải nghiệm',
      'quảng bá điểm đến trên mạng xã hội',
      'đào tạo người dân làm du lịch homestay',
      'kết nối tour tuyến với các tỉnh lân cận',
    ],
    goals: [
      'homestay của đồng bào',
      'cung đường ven biển',
      'thác nước giữa đại ngàn',
      'làng chài ven biển',
      'đồi chè bậc thang',
      'suối nước nóng',
    ],
    orgs: [
      'Sở Văn hóa, Thể thao và Du lịch',
      'Hiệp hội Du lịch tỉnh',
      'Trung tâm Xúc tiến du lịch tỉnh',
    ],
    tags: ['du lịch', 'du lịch cộng đồng', 'homestay', 'điểm đến', 'trải nghiệm'],
    captions: ['Du khách tham quan {village}.', 'Cảnh sắc {place} vào mùa {season}.'],
  },
};

/** For a section the generator does not know (added in the admin): a general news beat. */
const GENERAL_BEAT: Beat = {
  ...BEATS['thoi-su'],
  tags: ['tin địa phương', 'đời sống', 'cơ sở'],
};

const EXTRA_SLOTS: Record<string, string[]> = {
  crop: [
    'bưởi da xanh',
    'lúa chất lượng cao',
    'cà phê',
    'hồ tiêu',
    'quế',
    'chè',
    'sầu riêng',
    'keo lai',
    'rau an toàn',
    'tỏi',
    'mía',
    'dừa',
  ],
  crime: [
    'lừa đảo qua mạng',
    'mua bán trái phép chất ma túy',
    'đánh bạc',
    'khai thác cát trái phép',
    'buôn lậu',
    'cho vay nặng lãi',
  ],
  festival: ['cầu mùa', 'đua thuyền', 'mừng lúa mới', 'cầu ngư', 'Katê', 'đâm trâu'],
  art: ['hát then', 'cồng chiêng', 'bài chòi', 'hát bả trạo', 'dân ca', 'múa xoang'],
  sport: ['bóng chuyền', 'bóng đá', 'việt dã', 'cờ tướng', 'bơi lội', 'vật dân tộc', 'kéo co'],
  rank: ['quyền lên hạng', 'ngôi á quân', 'huy chương đồng', 'chức vô địch'],
  season: ['hoa tam giác mạch', 'lúa chín', 'hoa cà phê', 'mưa', 'nước nổi'],
  experience: ['làm ngư dân', 'làm nông dân', 'hái chè', 'dệt thổ cẩm'],
};

/** 1234567 → "1.234.567", as Vietnamese papers write numbers. */
const formatCount = (value: number): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

const capitalize = (text: string): string => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** Everything one article keeps the same from title to last paragraph. */
interface ArticleContext {
  beat: Beat;
  commune: string;
  district: string;
  village: string;
  place: string;
  org: string;
  action: string;
  goal: string;
  extras: Record<string, string>;
  year: number;
}

function fill(template: string, random: Random, context: ArticleContext): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    const lower = slot.charAt(0).toLowerCase() + slot.slice(1);
    const value = slotValue(lower, random, context);
    return slot === lower ? value : capitalize(value);
  });
}

function slotValue(slot: string, random: Random, context: ArticleContext): string {
  switch (slot) {
    case 'place':
    case 'commune':
    case 'district':
    case 'village':
    case 'org':
      return fill(context[slot], random, context);
    case 'action':
    case 'goal':
      // The article's own subject most of the time, another of its beat now and then.
      return fill(
        random() < 0.7
          ? context[slot]
          : pick(random, context.beat[slot === 'action' ? 'actions' : 'goals']),
        random,
        context,
      );
    case 'count':
      return formatCount(between(random, 12, 480) * (random() < 0.4 ? 10 : 1));
    case 'small':
      return String(between(random, 2, 12));
    case 'months':
      return String(between(random, 3, 11));
    case 'pct':
      return String(between(random, 12, 96));
    case 'money':
      return random() < 0.6
        ? `${between(random, 2, 480)} tỷ đồng`
        : `${formatCount(between(random, 150, 950))} triệu đồng`;
    case 'year':
      return String(context.year + (random() < 0.5 ? 0 : 1));
    case 'quarter':
      return pick(random, ['I', 'II', 'III', 'IV']);
    default:
      return context.extras[slot] ?? slot;
  }
}

function person(random: Random, context: ArticleContext): string {
  const title = random() < 0.35 ? 'bà' : 'ông';
  const name = `${pick(random, FAMILY_NAMES)} ${pick(random, MIDDLE_NAMES[title])} ${pick(random, GIVEN_NAMES[title])}`;
  return `${title} ${name}, ${fill(pick(random, POSITIONS), random, context)}`;
}

function paragraph(random: Random, context: ArticleContext): string {
  if (random() < 0.18) {
    // A quote, as reporters end a paragraph with the voice of someone on the ground.
    const speaker = capitalize(person(random, context));
    return `${speaker}, cho biết: “${pick(random, QUOTES)}.”`;
  }
  const sentences = Array.from({ length: between(random, 3, 5) }, () =>
    fill(pick(random, SENTENCES), random, context),
  );
  return sentences.join(' ');
}

function list(random: Random, context: ArticleContext): string {
  const items = pickSome(
    random,
    [...context.beat.goals, ...context.beat.actions],
    between(random, 3, 5),
  );
  return [
    `Trong thời gian tới, ${fill(context.org, random, context)} tập trung vào các nhóm giải pháp:`,
    '',
    ...items.map((item) => `- ${capitalize(fill(item, random, context))};`),
  ].join('\n');
}

/** The date parts of `time` in Vietnam (GMT+7), as a lead writes them ("Sáng 12/3"). */
function vietnamDate(time: Date): { day: number; month: number; year: number } {
  const local = new Date(time.getTime() + 7 * 3_600_000);
  return { day: local.getUTCDate(), month: local.getUTCMonth() + 1, year: local.getUTCFullYear() };
}

/**
 * A scrambled seed per article number (murmur3's finalizer, a bijection on 32 bits): neighbouring
 * numbers start from unrelated states, and different numbers never share one.
 */
function seedOf(n: number): number {
  let h = n >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The text of synthetic article `n` in `section` (a category slug), published at `time`.
 * The body is about 7.5–11.5 kB of UTF-8 (≈ 1,500 words, 3–6 subheadings), in NFC.
 */
export function generateArticleText(n: number, section: string, time: Date): GeneratedText {
  const random = randomFromSeed(seedOf(n));
  const beat = BEATS[section] ?? GENERAL_BEAT;
  const { day, month, year } = vietnamDate(time);
  const extras = Object.fromEntries(
    Object.entries(EXTRA_SLOTS).map(([slot, values]) => [slot, pick(random, values)]),
  );
  const commune = pick(random, COMMUNES);
  const district = pick(random, DISTRICTS);
  const context: ArticleContext = {
    beat,
    commune,
    district,
    village: pick(random, VILLAGES),
    place: random() < 0.5 ? `xã ${commune}` : `huyện ${district}`,
    org: pick(random, beat.orgs),
    action: pick(random, beat.actions),
    goal: pick(random, beat.goals),
    extras,
    year,
  };

  const title = fill(pick(random, beat.titles), random, context);
  const sapo = [
    `${pick(random, TIMES_OF_DAY)} ${day}/${month}, ${fill(context.org, random, context)} cho biết ${context.place} đã ${fill(context.action, random, context)}, ${fill('hướng tới mục tiêu hoàn thành {goal} trong năm {year}', random, context)}.`,
    pick(random, SAPO_ENDINGS),
  ].join(' ');

  const targetBytes = between(random, 6_500, 10_000);
  const headings = pickSome(random, HEADINGS, HEADINGS.length);
  const blocks: string[] = [];
  let bytes = 0;
  let headingCount = 0;
  const wantsList = random() < 0.3;
  while ((bytes < targetBytes || headingCount < 3) && headingCount < headings.length) {
    const block = [`## ${headings[headingCount]}`];
    headingCount += 1;
    const paragraphs = between(random, 2, 4);
    for (let i = 0; i < paragraphs; i++) block.push(paragraph(random, context));
    if (wantsList && headingCount === 3) block.push(list(random, context));
    const text = block.join('\n\n');
    blocks.push(text);
    bytes += Buffer.byteLength(text) + 2;
  }

  return {
    title: capitalize(title).normalize('NFC'),
    sapo: sapo.normalize('NFC'),
    body: blocks.join('\n\n').normalize('NFC'),
    coverCaption:
      `${capitalize(fill(pick(random, beat.captions), random, context))} (Ảnh minh họa)`.normalize(
        'NFC',
      ),
    tags: pickSome(random, beat.tags, between(random, 1, 3)).map((tag) => tag.normalize('NFC')),
  };
}

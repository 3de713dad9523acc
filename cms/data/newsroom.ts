/**
 * Sample newsroom content for the demo and for tests: the sections of a provincial newspaper, its
 * reporters and a set of articles written for this project. Places and people are fictional; the
 * seed (cms/scripts/seed.ts) turns this module into Strapi documents and generates the cover
 * images, which is why every caption ends with "(Ảnh minh họa)".
 *
 * In article bodies, an image source written `image:<key>` is replaced by the URL of a picture the
 * seed generates and uploads for that key.
 */

export type CreditRole = 'Bài' | 'Ảnh' | 'Bài, ảnh' | 'Tin' | 'Video' | 'Đồ họa' | 'Theo';

export interface SampleCategory {
  slug: string;
  name: string;
  description: string;
  order: number;
}

export interface SampleAuthor {
  slug: string;
  name: string;
  bio: string;
  /** Private in Strapi; example addresses only. */
  email?: string;
}

export interface SampleArticle {
  slug: string;
  title: string;
  /** Category slug. */
  category: string;
  /** ISO 8601 with the +07:00 offset the newsroom works in. */
  publicationTime: string;
  sapo: string;
  /** Markdown with `##` subheadings. */
  body: string;
  coverCaption: string;
  /** In byline order; `author` is an author slug. */
  credits: { role: CreditRole; author: string }[];
  tags?: string[];
  seoDescription?: string;
}

export const categories: SampleCategory[] = [
  {
    slug: 'thoi-su',
    name: 'Thời sự',
    description: 'Tin tức nóng, sự kiện nổi bật trong tỉnh, trong nước và quốc tế.',
    order: 1,
  },
  {
    slug: 'chinh-tri',
    name: 'Chính trị',
    description: 'Hoạt động của HĐND, UBND tỉnh, đại biểu dân cử và công tác tiếp xúc cử tri.',
    order: 2,
  },
  {
    slug: 'xay-dung-dang',
    name: 'Xây dựng Đảng',
    description: 'Công tác tổ chức, cán bộ, sinh hoạt chi bộ và phát triển đảng viên ở cơ sở.',
    order: 3,
  },
  {
    slug: 'kinh-te',
    name: 'Kinh tế',
    description: 'Nông nghiệp, công nghiệp, thương mại, đầu tư và khởi nghiệp của địa phương.',
    order: 4,
  },
  {
    slug: 'xa-hoi',
    name: 'Xã hội',
    description: 'Giáo dục, y tế, lao động, an sinh và đời sống người dân.',
    order: 5,
  },
  {
    slug: 'phap-luat',
    name: 'Pháp luật',
    description: 'An ninh trật tự, phòng chống tội phạm và tư vấn pháp luật cho bạn đọc.',
    order: 6,
  },
  {
    slug: 'van-hoa',
    name: 'Văn hóa',
    description: 'Di sản, lễ hội, nghệ thuật truyền thống và đời sống văn hóa cơ sở.',
    order: 7,
  },
  {
    slug: 'the-thao',
    name: 'Thể thao',
    description: 'Thể thao thành tích cao, phong trào và các giải đấu trên địa bàn.',
    order: 8,
  },
  {
    slug: 'du-lich',
    name: 'Du lịch',
    description: 'Điểm đến, trải nghiệm và du lịch cộng đồng khắp các vùng của tỉnh.',
    order: 9,
  },
];

export const authors: SampleAuthor[] = [
  {
    slug: 'truong-son',
    name: 'Trường Sơn',
    bio: 'Phóng viên ảnh, hơn 15 năm theo chân những câu chuyện ở vùng cao và nông thôn của tỉnh.',
    email: 'truong.son@example.com',
  },
  {
    slug: 'minh-chau',
    name: 'Minh Châu',
    bio: 'Phóng viên ban Kinh tế, phụ trách mảng nông nghiệp, thương mại và khởi nghiệp.',
    email: 'minh.chau@example.com',
  },
  {
    slug: 'hoang-anh',
    name: 'Hoàng Anh',
    bio: 'Phóng viên ban Thời sự – Chính trị, theo dõi hoạt động của HĐND, UBND tỉnh và các công trình trọng điểm.',
    email: 'hoang.anh@example.com',
  },
  {
    slug: 'thu-ha',
    name: 'Thu Hà',
    bio: 'Biên tập viên ban Xây dựng Đảng, viết về công tác tổ chức, cán bộ và văn hóa truyền thống.',
    email: 'thu.ha@example.com',
  },
  {
    slug: 'quoc-viet',
    name: 'Quốc Việt',
    bio: 'Phóng viên thường trú, đưa tin thời sự, thể thao và các sự kiện trên địa bàn.',
    email: 'quoc.viet@example.com',
  },
  {
    slug: 'le-thao',
    name: 'Lê Thảo',
    bio: 'Phóng viên ban Văn hóa – Xã hội, quan tâm đến giáo dục, y tế và an sinh xã hội.',
    email: 'le.thao@example.com',
  },
  {
    slug: 'cong-ttdt-tinh',
    name: 'Cổng TTĐT tỉnh',
    bio: 'Tin bài từ Cổng Thông tin điện tử của tỉnh, đăng lại theo thỏa thuận hợp tác.',
  },
];

/** A newsroom admin role (cms/src/bootstrap/newsroom-roles.ts creates them by these codes). */
export type StaffRole = 'toasoan-reporter' | 'toasoan-editor';

export interface SampleStaff {
  /** The author profile the user writes as: the user's login is that author's email. */
  author: string;
  role: StaffRole;
  /** The role's name, for `npm start`'s list of logins. */
  roleName: string;
}

/** The demo's admin users besides the super admin: one of each newsroom role. */
export const staff: SampleStaff[] = [
  { author: 'thu-ha', role: 'toasoan-editor', roleName: 'Biên tập viên' },
  { author: 'minh-chau', role: 'toasoan-reporter', roleName: 'Phóng viên' },
];

/** The login of each demo staff member, from their author profile. */
export const staffLogins = (): Array<
  Omit<SampleStaff, 'author'> & { email: string; name: string }
> =>
  staff.map(({ author: slug, ...role }) => {
    const author = authors.find((candidate) => candidate.slug === slug);
    if (!author?.email) throw new Error(`Demo staff ${slug} needs a sample author with an email.`);
    return { email: author.email, name: author.name, ...role };
  });

export const articles: SampleArticle[] = [
  {
    slug: 'con-duong-be-tong-mo-loi-thoat-ngheo-cho-ban-vung-cao',
    title: 'Con đường bê tông mở lối thoát nghèo cho bản vùng cao',
    category: 'xa-hoi',
    publicationTime: '2023-10-12T08:29:00+07:00',
    sapo: 'Hơn 7 km đường bê tông nối bản Nà Khoang với trung tâm xã vừa được đưa vào sử dụng. Với đồng bào nơi đây, con đường không chỉ rút ngắn quãng đường đi lại mà còn mở ra cơ hội làm ăn, đưa nông sản xuống núi.',
    coverCaption:
      'Tuyến đường bê tông mới uốn quanh sườn núi dẫn vào bản Nà Khoang. (Ảnh minh họa)',
    credits: [{ role: 'Bài, ảnh', author: 'truong-son' }],
    tags: ['nông thôn mới', 'vùng cao', 'giao thông'],
    seoDescription:
      'Đường bê tông hơn 7 km nối bản Nà Khoang với trung tâm xã giúp đồng bào vùng cao đi lại thuận tiện, đưa nông sản xuống núi.',
    body: `## Hết cảnh lội bùn trên đường đất

Trước đây, từ bản Nà Khoang ra trung tâm xã chỉ có con đường đất men theo sườn núi. Mùa khô bụi mù, mùa mưa trơn trượt, nhiều đoạn xe máy phải dắt bộ. Có năm mưa kéo dài, bản gần như bị cô lập cả tuần.

Anh Lò Văn Thắng, Trưởng bản, nhớ lại: “Ngày trước, mang một bao ngô ra chợ xã mất cả buổi sáng. Giờ đi xe máy chỉ hơn 20 phút.”

![Người dân vận chuyển ngô trên tuyến đường bê tông mới](image:road-harvest "Người dân bản Nà Khoang vận chuyển ngô trên tuyến đường bê tông mới. (Ảnh minh họa)")

## Nhà nước và nhân dân cùng làm

Công trình có tổng kinh phí gần 9 tỷ đồng từ Chương trình mục tiêu quốc gia phát triển kinh tế – xã hội vùng đồng bào dân tộc thiểu số và miền núi. Người dân trong bản tự nguyện hiến hơn 6.000 m² đất, góp hàng trăm ngày công san gạt, vận chuyển vật liệu.

Chủ tịch UBND xã cho biết, nhờ sự đồng thuận của bà con nên việc giải phóng mặt bằng rất thuận lợi, công trình về đích sớm hơn kế hoạch gần hai tháng.

## Nông sản xuống núi, thương lái tìm lên

Từ khi có đường, xe tải nhỏ vào được tận bản. Giá ngô, sắn bán tại chỗ tăng từ 500 đến 1.000 đồng mỗi kg do giảm chi phí vận chuyển. Một số hộ đã mạnh dạn trồng thêm cây ăn quả, nuôi bò vỗ béo để bán ra thị trường.

Con đường còn giúp các cháu học sinh đến trường thuận tiện hơn, người ốm được đưa đi trạm y tế kịp thời. Với bà con Nà Khoang, đó là món quà ý nghĩa nhất trong nhiều năm qua.`,
  },
  {
    slug: 'so-tan-hon-1200-ho-dan-vung-trung-truoc-bao',
    title: 'Sơ tán hơn 1.200 hộ dân vùng trũng trước khi bão đổ bộ',
    category: 'thoi-su',
    publicationTime: '2026-09-05T18:40:00+07:00',
    sapo: 'Chiều 5/9, Ban Chỉ huy phòng thủ dân sự tỉnh đã hoàn tất việc di dời hơn 1.200 hộ dân ở các xã ven sông và vùng trũng thấp đến nơi an toàn, đồng thời yêu cầu tàu thuyền vào nơi tránh trú trước 20 giờ cùng ngày.',
    coverCaption:
      'Lực lượng chức năng hỗ trợ người dân vùng trũng di dời đồ đạc đến nơi an toàn. (Ảnh minh họa)',
    credits: [
      { role: 'Tin', author: 'quoc-viet' },
      { role: 'Ảnh', author: 'minh-chau' },
    ],
    tags: ['bão', 'phòng chống thiên tai'],
    body: `## Di dời xong trước khi trời tối

Theo báo cáo nhanh của Ban Chỉ huy phòng thủ dân sự tỉnh, đến 17 giờ cùng ngày, các địa phương đã di dời 1.236 hộ với hơn 4.100 nhân khẩu đến trường học, trụ sở cơ quan và nhà kiên cố gần nơi ở. Người già, trẻ nhỏ và phụ nữ mang thai được ưu tiên đưa đi trước.

Tại các xã ven sông, lực lượng dân quân, công an xã và đoàn viên thanh niên đã giúp người dân chằng chống nhà cửa, kê cao tài sản và di chuyển gia súc lên vùng đất cao. Nhiều điểm sơ tán được chuẩn bị sẵn nước uống, lương thực, đèn pin và thuốc men thiết yếu.

## Tàu thuyền phải vào bờ trước 20 giờ

Bộ đội Biên phòng tỉnh cho biết đã thông báo, hướng dẫn cho hơn 600 phương tiện với gần 2.500 lao động đang hoạt động trên biển về vị trí, hướng di chuyển của bão. Đến chiều 5/9, phần lớn tàu thuyền đã vào khu neo đậu; số còn lại đang được liên lạc để về nơi tránh trú an toàn.

## Không chủ quan với mưa lớn sau bão

Cơ quan khí tượng dự báo từ đêm 5/9 đến hết ngày 7/9, khu vực có mưa to đến rất to, lượng mưa phổ biến 150–250 mm, có nơi trên 300 mm. Nguy cơ lũ quét, sạt lở đất ở các huyện miền núi và ngập úng cục bộ ở vùng trũng là rất cao.

Lãnh đạo UBND tỉnh yêu cầu các địa phương tổ chức trực ban 24/24 giờ, kiểm tra hồ đập xung yếu, bố trí lực lượng canh gác tại các ngầm tràn, tuyệt đối không để người dân qua lại khu vực nước chảy xiết.`,
  },
  {
    slug: 'khoi-cong-cau-vuot-song-noi-hai-bo',
    title: 'Khởi công cầu vượt sông nối hai bờ, rút ngắn 15 km đường đi',
    category: 'thoi-su',
    publicationTime: '2026-03-28T10:15:00+07:00',
    sapo: 'Sáng 28/3, UBND tỉnh tổ chức lễ khởi công cây cầu dài hơn 600 mét bắc qua sông, kết nối hai huyện phía nam. Khi hoàn thành, công trình giúp người dân không còn phải đi đò hoặc vòng qua quốc lộ xa hơn 15 km.',
    coverCaption: 'Vị trí xây dựng cây cầu mới bắc qua sông. (Ảnh minh họa)',
    credits: [
      { role: 'Tin', author: 'hoang-anh' },
      { role: 'Ảnh', author: 'quoc-viet' },
    ],
    tags: ['giao thông', 'đầu tư công'],
    body: `## Công trình được mong đợi nhiều năm

Cầu có tổng chiều dài 624 mét, rộng 12 mét với hai làn xe cơ giới và hai làn dành cho xe thô sơ, cùng hơn 3 km đường dẫn hai đầu cầu. Tổng mức đầu tư khoảng 480 tỷ đồng từ ngân sách trung ương và ngân sách tỉnh, thời gian thi công dự kiến 30 tháng.

Ông Nguyễn Văn Hùng, người dân thôn Bến Đá, chia sẻ: “Mấy chục năm nay, mùa nước lên là con cháu đi học phải chờ đò, có hôm nghỉ học luôn. Nghe tin làm cầu, cả xóm ai cũng mừng.”

## Giải phóng mặt bằng đạt gần 95%

Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh cho biết, đến nay đã bàn giao gần 95% mặt bằng cho nhà thầu. Phần diện tích còn lại đang được hai huyện phối hợp kiểm đếm, áp giá bồi thường, phấn đấu hoàn thành trong quý II.

Phát biểu tại lễ khởi công, lãnh đạo tỉnh yêu cầu chủ đầu tư và nhà thầu bảo đảm chất lượng, an toàn lao động, hạn chế ảnh hưởng đến giao thông thủy trên sông, đồng thời công khai tiến độ để người dân cùng giám sát.`,
  },
  {
    slug: 'hdnd-tinh-thong-qua-18-nghi-quyet-ky-hop-cuoi-nam',
    title: 'HĐND tỉnh thông qua 18 nghị quyết tại kỳ họp cuối năm',
    category: 'chinh-tri',
    publicationTime: '2025-12-11T17:05:00+07:00',
    sapo: 'Sau ba ngày làm việc khẩn trương, kỳ họp thường lệ cuối năm của HĐND tỉnh đã bế mạc chiều 11/12, thông qua 18 nghị quyết quan trọng về phát triển kinh tế – xã hội, đầu tư công và chính sách hỗ trợ người dân.',
    coverCaption: 'Các đại biểu biểu quyết thông qua nghị quyết tại kỳ họp. (Ảnh minh họa)',
    credits: [
      { role: 'Bài', author: 'hoang-anh' },
      { role: 'Ảnh', author: 'minh-chau' },
    ],
    tags: ['HĐND tỉnh', 'kỳ họp'],
    body: `## Đặt mục tiêu tăng trưởng 8% năm tới

Nghị quyết về nhiệm vụ phát triển kinh tế – xã hội năm tới xác định 22 chỉ tiêu chủ yếu, trong đó tốc độ tăng trưởng tổng sản phẩm trên địa bàn phấn đấu đạt 8%, thu nhập bình quân đầu người đạt khoảng 75 triệu đồng, tỷ lệ hộ nghèo giảm 1,5 điểm phần trăm.

Các đại biểu cũng thông qua kế hoạch đầu tư công với tổng vốn hơn 5.200 tỷ đồng, ưu tiên các công trình giao thông kết nối vùng, hạ tầng y tế, giáo dục và các dự án chuyển tiếp cần sớm hoàn thành.

## Chất vấn thẳng thắn, trả lời cầu thị

Phiên chất vấn tập trung vào những vấn đề cử tri quan tâm: tiến độ giải phóng mặt bằng một số dự án trọng điểm, tình trạng thiếu giáo viên ở vùng sâu, vùng xa và việc quản lý khai thác khoáng sản. Các giám đốc sở, ngành đã nhận trách nhiệm và nêu rõ thời hạn khắc phục những tồn tại.

## Thêm chính sách cho vùng khó khăn

Đáng chú ý, HĐND tỉnh thông qua nghị quyết hỗ trợ học sinh bán trú ở các xã đặc biệt khó khăn và chính sách thu hút bác sĩ về công tác tại tuyến huyện, tuyến xã. Đây là những chính sách được cử tri và ngành y tế, giáo dục mong đợi từ lâu.

Phát biểu bế mạc kỳ họp, Chủ tịch HĐND tỉnh đề nghị UBND tỉnh sớm ban hành kế hoạch triển khai, bảo đảm các nghị quyết đi vào cuộc sống ngay từ những ngày đầu năm mới.`,
  },
  {
    slug: 'cu-tri-kien-nghi-sua-chua-duong-lien-xa',
    title: 'Cử tri kiến nghị sớm sửa chữa tuyến đường liên xã xuống cấp',
    category: 'chinh-tri',
    publicationTime: '2026-06-20T15:30:00+07:00',
    sapo: 'Tại buổi tiếp xúc cử tri sau kỳ họp, nhiều ý kiến đề nghị các đại biểu dân cử quan tâm đến việc sửa chữa tuyến đường liên xã hư hỏng nặng, bảo đảm nước tưới cho vụ mùa và giải quyết chế độ cho người có công.',
    coverCaption: 'Cử tri phát biểu ý kiến tại buổi tiếp xúc. (Ảnh minh họa)',
    credits: [{ role: 'Bài', author: 'le-thao' }],
    body: `## Đường hư hỏng, xe chở nông sản khó đi

Cử tri xã Tân Lập phản ánh tuyến đường liên xã dài khoảng 9 km đã hư hỏng nặng sau nhiều năm sử dụng, mặt đường bong tróc, ổ gà nối tiếp. Mùa mưa, xe chở nông sản không thể vào tận vườn, người dân phải thuê chở bằng xe máy với chi phí cao.

Một số ý kiến khác đề nghị nạo vét kênh mương nội đồng trước vụ mùa, sớm giải quyết hồ sơ chế độ cho người có công còn tồn đọng và tăng cường kiểm tra chất lượng hàng hóa bán ở chợ nông thôn.

## Trả lời, tiếp thu ngay tại hội nghị

Đại diện UBND huyện cho biết tuyến đường đã được đưa vào danh mục sửa chữa năm nay với kinh phí khoảng 12 tỷ đồng, dự kiến khởi công sau mùa mưa. Các kiến nghị thuộc thẩm quyền của Trung ương được đại biểu ghi nhận, tổng hợp gửi cơ quan chức năng xem xét, trả lời cử tri.`,
  },
  {
    slug: 'nang-cao-chat-luong-sinh-hoat-chi-bo-khu-dan-cu',
    title: 'Nâng cao chất lượng sinh hoạt chi bộ ở khu dân cư',
    category: 'xay-dung-dang',
    publicationTime: '2026-05-14T07:45:00+07:00',
    sapo: 'Không còn những buổi sinh hoạt chỉ đọc văn bản rồi biểu quyết, nhiều chi bộ ở khu dân cư đã đổi mới cách làm: chọn chuyên đề sát thực tế, để đảng viên tranh luận và ra nghị quyết có người chịu trách nhiệm, có thời hạn hoàn thành.',
    coverCaption: 'Một buổi sinh hoạt chi bộ theo chuyên đề ở thôn. (Ảnh minh họa)',
    credits: [{ role: 'Bài', author: 'thu-ha' }],
    body: `## Chuyên đề xuất phát từ chuyện của xóm

Chi bộ thôn Đồng Tâm có 27 đảng viên, phần lớn đã nghỉ hưu hoặc làm nông nghiệp. Bí thư chi bộ cho biết, trước mỗi kỳ sinh hoạt, cấp ủy đều trao đổi với trưởng thôn và các chi hội để chọn vấn đề người dân đang quan tâm, như làm đường ngõ xóm, xử lý rác thải hay phòng chống đuối nước cho trẻ em.

“Khi bàn đúng việc của xóm, đảng viên phát biểu sôi nổi hơn hẳn. Nghị quyết ra cũng cụ thể: ai phụ trách, làm trong bao lâu, tháng sau kiểm điểm lại”, bí thư chi bộ chia sẻ.

## Đảng viên trẻ góp sức chuyển đổi số

Ở nhiều chi bộ, đảng viên trẻ được phân công hướng dẫn bà con cài đặt ứng dụng dịch vụ công, thanh toán không dùng tiền mặt và tra cứu thông tin trên cổng điện tử của xã. Tài liệu sinh hoạt cũng được gửi trước qua nhóm trực tuyến để đảng viên nghiên cứu.

## Gắn sinh hoạt với đánh giá, xếp loại

Ban Tổ chức Tỉnh ủy cho biết, kết quả thực hiện nghị quyết chi bộ là một căn cứ quan trọng khi đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên cuối năm. Những cách làm hay sẽ được nhân rộng qua các hội nghị chuyên đề trong toàn Đảng bộ tỉnh.`,
  },
  {
    slug: 'phat-trien-dang-vien-trong-doanh-nghiep-tu-nhan',
    title: 'Phát triển đảng viên trong doanh nghiệp tư nhân: khó nhưng làm được',
    category: 'xay-dung-dang',
    publicationTime: '2025-08-22T09:10:00+07:00',
    sapo: 'Chỉ trong hai năm, số tổ chức đảng trong các doanh nghiệp ngoài khu vực nhà nước của tỉnh đã tăng thêm 14, kết nạp hơn 120 đảng viên mới là công nhân, kỹ sư trực tiếp sản xuất.',
    coverCaption: 'Công nhân làm việc trong phân xưởng của một doanh nghiệp. (Ảnh minh họa)',
    credits: [
      { role: 'Bài', author: 'thu-ha' },
      { role: 'Ảnh', author: 'truong-son' },
    ],
    body: `## Chủ doanh nghiệp đồng hành

Ở một công ty may mặc với gần 1.500 lao động, chi bộ được thành lập từ ba năm trước. Giám đốc công ty cho biết ban đầu ông còn băn khoăn việc sinh hoạt đảng sẽ ảnh hưởng đến sản xuất, nhưng thực tế chi bộ đã cùng công đoàn chăm lo đời sống người lao động, giải quyết kịp thời nhiều vướng mắc, giúp doanh nghiệp giữ chân công nhân lành nghề.

## Bồi dưỡng từ những người tiêu biểu

Cấp ủy cơ sở chú trọng phát hiện những công nhân có tay nghề giỏi, tích cực trong phong trào thi đua để giới thiệu học lớp nhận thức về Đảng. Thời gian học được bố trí vào ngày nghỉ, không ảnh hưởng ca làm việc.

Đảng ủy Khối doanh nghiệp tỉnh cho biết sẽ tiếp tục phối hợp với các hiệp hội doanh nghiệp, chọn những đơn vị có đông lao động để hướng dẫn thành lập tổ chức đảng trong thời gian tới.`,
  },
  {
    slug: 'xuat-khau-nong-san-9-thang-uoc-dat-320-trieu-usd',
    title: 'Xuất khẩu nông sản 9 tháng ước đạt hơn 320 triệu USD',
    category: 'kinh-te',
    publicationTime: '2026-10-03T14:20:00+07:00',
    sapo: 'Kim ngạch xuất khẩu nông, lâm, thủy sản của tỉnh 9 tháng năm nay ước đạt hơn 320 triệu USD, tăng 18% so với cùng kỳ, trong đó cà phê, hồ tiêu và trái cây tươi đóng góp phần lớn mức tăng.',
    coverCaption: 'Công nhân phân loại cà phê nhân tại một cơ sở chế biến. (Ảnh minh họa)',
    credits: [{ role: 'Bài', author: 'quoc-viet' }],
    tags: ['xuất khẩu', 'nông sản'],
    body: `## Giá tốt, đơn hàng đều

Theo Sở Công Thương, giá cà phê nhân xuất khẩu duy trì ở mức cao giúp kim ngạch mặt hàng này tăng gần 30%. Trái cây tươi, nhất là sầu riêng và chanh leo, tiếp tục mở rộng sang các thị trường có yêu cầu khắt khe về chất lượng.

Nhiều doanh nghiệp cho biết đã có đơn hàng đến hết quý I năm sau. Tuy vậy, chi phí vận chuyển và yêu cầu truy xuất nguồn gốc ngày càng chặt chẽ đang đặt ra áp lực lớn với các hợp tác xã quy mô nhỏ.

## Mã số vùng trồng là “giấy thông hành”

Toàn tỉnh hiện có 86 mã số vùng trồng và 12 mã số cơ sở đóng gói được cấp phục vụ xuất khẩu. Ngành nông nghiệp đang phối hợp với các địa phương giám sát định kỳ, kiên quyết đề nghị thu hồi những mã số vi phạm quy định về sử dụng thuốc bảo vệ thực vật.

## Hướng đến chế biến sâu

Để nâng giá trị, tỉnh khuyến khích doanh nghiệp đầu tư nhà máy sơ chế, chế biến sâu gần vùng nguyên liệu. Mục tiêu đến năm 2030, tỷ lệ nông sản xuất khẩu qua chế biến đạt trên 50%.`,
  },
  {
    slug: 'hop-tac-xa-tre-dua-buoi-len-san-thuong-mai-dien-tu',
    title: 'Hợp tác xã của những người trẻ đưa bưởi quê lên sàn thương mại điện tử',
    category: 'kinh-te',
    publicationTime: '2026-07-09T09:30:00+07:00',
    sapo: 'Từ vài chục gốc bưởi của gia đình, nhóm bạn trẻ ở xã Phú Hòa đã lập hợp tác xã, chuẩn hóa quy trình trồng và bán hàng trực tuyến, đưa sản phẩm đến người tiêu dùng khắp cả nước.',
    coverCaption: 'Thành viên hợp tác xã thu hoạch bưởi trong vườn. (Ảnh minh họa)',
    credits: [{ role: 'Bài, ảnh', author: 'minh-chau' }],
    tags: ['khởi nghiệp', 'thương mại điện tử'],
    body: `## Về quê lập nghiệp

Tốt nghiệp đại học ngành kinh tế nông nghiệp, Trần Minh Khoa (29 tuổi) quyết định không ở lại thành phố mà trở về quê. Cùng bốn người bạn, Khoa thành lập hợp tác xã, liên kết với 32 hộ trồng bưởi theo hướng hữu cơ trên diện tích gần 40 ha.

## Livestream giữa vườn

Mỗi tối cuối tuần, nhóm phát trực tiếp ngay giữa vườn, giới thiệu cách chăm sóc, thu hái và đóng gói. Khách hàng có thể quét mã QR trên từng quả bưởi để biết vườn trồng, ngày thu hoạch. Năm ngoái, hợp tác xã bán được hơn 180 tấn bưởi, khoảng 60% qua các kênh trực tuyến.

“Giá bán ổn định hơn trước nhiều, bà con không còn cảnh bị thương lái ép giá mỗi khi vào vụ”, Khoa nói.

## Cần thêm hỗ trợ về kho lạnh

Khó khăn lớn nhất hiện nay là thiếu kho bảo quản và chi phí vận chuyển đi xa còn cao. Hợp tác xã mong muốn được tiếp cận nguồn vốn ưu đãi để đầu tư kho lạnh, kéo dài thời gian bán hàng sau thu hoạch.`,
  },
  {
    slug: 'hon-3000-hoc-sinh-vung-kho-khan-nhan-hoc-bong',
    title: 'Hơn 3.000 học sinh vùng khó khăn nhận học bổng đầu năm học',
    category: 'xa-hoi',
    publicationTime: '2026-09-08T16:00:00+07:00',
    sapo: 'Quỹ Khuyến học tỉnh phối hợp với các doanh nghiệp và nhà hảo tâm trao hơn 3.000 suất học bổng, tổng trị giá gần 4 tỷ đồng, cho học sinh có hoàn cảnh khó khăn vượt khó học giỏi.',
    coverCaption: 'Học sinh vùng cao nhận học bổng và đồ dùng học tập. (Ảnh minh họa)',
    credits: [{ role: 'Tin', author: 'le-thao' }],
    tags: ['giáo dục', 'khuyến học'],
    body: `## Tiếp sức đến trường

Mỗi suất học bổng trị giá từ 1 đến 2 triệu đồng, kèm theo cặp sách, vở và đồ dùng học tập. Phần lớn các em nhận học bổng sống ở các xã miền núi, vùng bãi ngang ven biển, có cha mẹ làm nông hoặc lao động tự do với thu nhập bấp bênh.

Em Hà Thị Mai, học sinh lớp 9 ở một trường phổ thông dân tộc bán trú, xúc động: “Em sẽ dùng tiền học bổng mua thêm sách tham khảo và cố gắng thi đỗ vào trường chuyên của tỉnh.”

## Nhân rộng mô hình khuyến học

Bên cạnh học bổng, hội khuyến học các cấp đang nhân rộng mô hình gia đình học tập, dòng họ học tập, cộng đồng học tập. Nhiều dòng họ đã lập quỹ riêng để khen thưởng con cháu đạt thành tích cao và hỗ trợ các em nhà nghèo.`,
  },
  {
    slug: 'triet-pha-duong-day-lua-dao-qua-mang',
    title: 'Triệt phá đường dây lừa đảo qua mạng, chiếm đoạt hơn 5 tỷ đồng',
    category: 'phap-luat',
    publicationTime: '2026-04-17T11:45:00+07:00',
    sapo: 'Cơ quan Cảnh sát điều tra Công an tỉnh vừa khởi tố vụ án, khởi tố bị can đối với 6 đối tượng về hành vi giả danh nhân viên ngân hàng, dụ dỗ người dân cung cấp mã OTP để chiếm đoạt tiền trong tài khoản.',
    coverCaption:
      'Người dân cần cảnh giác với các cuộc gọi, tin nhắn yêu cầu cung cấp mã OTP. (Ảnh minh họa)',
    credits: [{ role: 'Theo', author: 'cong-ttdt-tinh' }],
    tags: ['lừa đảo trực tuyến', 'an ninh mạng'],
    body: `## Thủ đoạn tinh vi

Theo cơ quan điều tra, nhóm đối tượng mua lại thông tin cá nhân của khách hàng, sau đó gọi điện tự xưng là nhân viên ngân hàng, thông báo tài khoản sắp bị khóa hoặc được nâng hạn mức thẻ tín dụng. Nạn nhân được gửi đường dẫn đến một trang web giả mạo có giao diện giống hệt ứng dụng ngân hàng.

Khi người dân nhập tên đăng nhập, mật khẩu và mã OTP, các đối tượng lập tức chuyển hết tiền sang nhiều tài khoản trung gian rồi rút ra. Bước đầu, cơ quan chức năng xác định có hơn 70 bị hại ở nhiều tỉnh, thành, số tiền bị chiếm đoạt trên 5 tỷ đồng.

## Khuyến cáo người dân

Công an tỉnh khuyến cáo: ngân hàng không bao giờ yêu cầu khách hàng cung cấp mật khẩu, mã OTP qua điện thoại hay tin nhắn. Người dân tuyệt đối không truy cập đường dẫn lạ; khi nghi ngờ bị lừa đảo, cần liên hệ ngay ngân hàng để khóa tài khoản và trình báo cơ quan công an gần nhất.`,
  },
  {
    slug: 'phuc-dung-le-hoi-cau-mua-cua-dong-bao-tay',
    title: 'Phục dựng lễ hội cầu mùa của đồng bào Tày',
    category: 'van-hoa',
    publicationTime: '2026-02-15T20:10:00+07:00',
    sapo: 'Sau gần 30 năm vắng bóng, lễ hội cầu mùa của đồng bào Tày ở xã Thượng Lâm đã được phục dựng với đầy đủ phần lễ trang nghiêm và phần hội sôi nổi, thu hút hàng nghìn người dân và du khách.',
    coverCaption: 'Nghi lễ dâng cúng trong lễ hội cầu mùa. (Ảnh minh họa)',
    credits: [
      { role: 'Bài', author: 'thu-ha' },
      { role: 'Ảnh', author: 'truong-son' },
    ],
    tags: ['lễ hội', 'di sản'],
    body: `## Cầu mưa thuận gió hòa

Lễ hội diễn ra vào đầu tháng Giêng âm lịch, khi bà con chuẩn bị bước vào vụ mùa mới. Phần lễ do các thầy cúng cao tuổi nhất bản thực hiện, dâng lễ vật gồm xôi ngũ sắc, bánh chưng đen, gà trống và rượu ngô, cầu cho mưa thuận gió hòa, mùa màng bội thu, bản làng bình yên.

## Hội xuân rộn ràng

Phần hội có các trò chơi dân gian như tung còn, đẩy gậy, kéo co, thi giã bánh dày và hát then, đàn tính. Đội tung còn của các thôn thi đấu hào hứng suốt buổi chiều, thu hút đông đảo người xem cổ vũ.

## Giữ gìn từ cộng đồng

Để phục dựng lễ hội, ngành văn hóa đã phối hợp với các nghệ nhân ghi chép, sưu tầm lời khấn, trình tự nghi lễ và trang phục truyền thống. Người dân trong xã tự nguyện đóng góp công sức, lễ vật. Địa phương đang xây dựng hồ sơ đề nghị đưa lễ hội vào danh mục di sản văn hóa phi vật thể.`,
  },
  {
    slug: 'cau-lac-bo-hat-then-giu-lua-cho-the-he-tre',
    title: 'Câu lạc bộ hát then giữ lửa cho thế hệ trẻ',
    category: 'van-hoa',
    publicationTime: '2025-11-03T19:00:00+07:00',
    sapo: 'Mỗi tối thứ bảy, nhà văn hóa thôn lại vang lên tiếng đàn tính, lời then. Từ câu lạc bộ do một nghệ nhân ngoài 70 tuổi sáng lập, hàng chục thanh thiếu niên đã biết hát then, gảy đàn tính.',
    coverCaption: 'Buổi sinh hoạt của câu lạc bộ hát then tại nhà văn hóa thôn. (Ảnh minh họa)',
    credits: [{ role: 'Bài, ảnh', author: 'hoang-anh' }],
    body: `## Người thầy không nhận học phí

Nghệ nhân Hoàng Thị Lan năm nay 74 tuổi, đã gắn bó với hát then hơn nửa thế kỷ. Bảy năm trước, bà thành lập câu lạc bộ với mong muốn truyền lại những làn điệu cổ cho con cháu. Bà dạy miễn phí, tự tay chép lời then ra vở cho học trò.

## Lớp học của những người trẻ

Câu lạc bộ hiện có 35 thành viên, người nhỏ nhất mới 9 tuổi. Ngoài hát, các em còn được học cách làm đàn tính từ quả bầu khô và gỗ cây dâu. Nhiều thành viên đã đạt giải cao tại các hội diễn văn nghệ quần chúng của huyện, của tỉnh.

“Chỉ cần các cháu còn thích hát then là tôi còn dạy”, bà Lan nói.`,
  },
  {
    slug: 'bong-chuyen-nu-gianh-quyen-len-hang',
    title: 'Bóng chuyền nữ của tỉnh vô địch giải hạng A, giành quyền lên hạng',
    category: 'the-thao',
    publicationTime: '2026-08-24T21:35:00+07:00',
    sapo: 'Thắng thuyết phục 3–1 trong trận chung kết tối 24/8, đội bóng chuyền nữ của tỉnh đã giành chức vô địch giải hạng A toàn quốc và chính thức có vé thăng hạng ở mùa giải tới.',
    coverCaption: 'Niềm vui của các cầu thủ sau trận chung kết. (Ảnh minh họa)',
    credits: [{ role: 'Tin', author: 'quoc-viet' }],
    tags: ['bóng chuyền'],
    body: `## Ngược dòng ấn tượng

Bước vào trận đấu với tâm lý thoải mái, các cô gái của tỉnh để đối thủ giành set đầu 23–25. Từ set thứ hai, huấn luyện viên trưởng điều chỉnh đội hình, tăng cường phát bóng tấn công, giúp đội lần lượt thắng các set còn lại với tỷ số 25–19, 25–21 và 25–17.

Chủ công Phạm Thu Trang là cầu thủ ghi nhiều điểm nhất trận với 24 điểm và được bầu là vận động viên xuất sắc nhất giải.

## Thành quả của đào tạo trẻ

Trong đội hình hiện tại có tới 9 cầu thủ trưởng thành từ lò đào tạo trẻ của tỉnh. Giám đốc Trung tâm Huấn luyện và Thi đấu thể thao tỉnh cho biết sẽ đề xuất bổ sung kinh phí, tăng cường lực lượng để đội đứng vững ở giải đấu cao hơn.`,
  },
  {
    slug: 'hon-2000-nguoi-chay-bo-gay-quy-vi-nguoi-ngheo',
    title: 'Hơn 2.000 người chạy bộ gây quỹ vì người nghèo',
    category: 'the-thao',
    publicationTime: '2026-01-12T10:20:00+07:00',
    sapo: 'Sáng 12/1, giải chạy gây quỹ lần thứ ba đã thu hút hơn 2.000 vận động viên chuyên nghiệp và nghiệp dư. Toàn bộ tiền đăng ký cùng các khoản ủng hộ được dùng để xây nhà cho hộ nghèo trên địa bàn tỉnh.',
    coverCaption: 'Các vận động viên xuất phát tại quảng trường trung tâm. (Ảnh minh họa)',
    credits: [
      { role: 'Bài', author: 'le-thao' },
      { role: 'Ảnh', author: 'minh-chau' },
    ],
    tags: ['chạy bộ', 'thiện nguyện'],
    body: `## Ba cự ly cho mọi lứa tuổi

Giải có ba cự ly 5 km, 10 km và 21 km, xuất phát từ quảng trường trung tâm, chạy dọc bờ sông và đi qua nhiều tuyến phố chính. Người tham gia nhiều tuổi nhất năm nay đã 76 tuổi, nhỏ nhất là một em bé 7 tuổi chạy cùng bố mẹ ở cự ly 5 km.

![Vận động viên chạy dọc bờ sông](image:run-river "Các vận động viên trên đường chạy dọc bờ sông. (Ảnh minh họa)")

## Gần 1,2 tỷ đồng cho những mái ấm

Ban tổ chức cho biết, tổng số tiền gây quỹ đạt gần 1,2 tỷ đồng, đủ để hỗ trợ xây mới 24 căn nhà cho hộ nghèo, mỗi căn 50 triệu đồng. Các căn nhà dự kiến được bàn giao trước mùa mưa bão.`,
  },
  {
    slug: 'mua-hoa-tam-giac-mach-hut-khach-len-vung-cao',
    title: 'Mùa hoa tam giác mạch hút khách lên vùng cao',
    category: 'du-lich',
    publicationTime: '2025-11-18T08:00:00+07:00',
    sapo: 'Những ngày này, các triền đồi ở vùng cao phía bắc tỉnh nhuộm sắc hồng tím của hoa tam giác mạch, thu hút đông đảo du khách tìm đến tham quan, chụp ảnh và trải nghiệm văn hóa bản địa.',
    coverCaption: 'Du khách tham quan cánh đồng hoa tam giác mạch. (Ảnh minh họa)',
    credits: [
      { role: 'Bài', author: 'minh-chau' },
      { role: 'Ảnh', author: 'hoang-anh' },
    ],
    tags: ['du lịch cộng đồng', 'vùng cao'],
    body: `## Từ cây lương thực thành điểm nhấn du lịch

Tam giác mạch vốn là cây lương thực quen thuộc của đồng bào vùng cao. Vài năm gần đây, nhiều hộ dân trồng hoa theo hướng phục vụ du lịch, thu phí tham quan từ 20.000 đến 30.000 đồng mỗi lượt. Một vườn hoa rộng chừng một héc-ta có thể mang lại thu nhập vài chục triệu đồng mỗi mùa.

## Homestay kín phòng cuối tuần

Các homestay trong vùng đều kín phòng vào dịp cuối tuần. Du khách được thưởng thức bánh tam giác mạch, rượu ngô, thắng cố và tham gia các hoạt động như dệt vải, nhuộm chàm cùng người dân.

## Phát triển du lịch bền vững

Ngành du lịch khuyến cáo người dân giữ giá dịch vụ ổn định, bảo đảm vệ sinh môi trường, không để rác thải làm xấu cảnh quan. Du khách được đề nghị không giẫm đạp, bẻ hoa và tôn trọng phong tục của đồng bào.`,
  },
  {
    slug: 'lang-chai-don-khach-trai-nghiem-mot-ngay-lam-ngu-dan',
    title: 'Làng chài đón khách trải nghiệm một ngày làm ngư dân',
    category: 'du-lich',
    publicationTime: '2026-06-02T06:50:00+07:00',
    sapo: 'Theo chân ngư dân ra biển thả lưới, rồi về bờ tự tay chế biến mẻ cá vừa đánh bắt — mô hình du lịch cộng đồng ở làng chài ven biển đang được nhiều du khách lựa chọn trong mùa hè năm nay.',
    coverCaption: 'Thuyền thúng của ngư dân trở về bến lúc bình minh. (Ảnh minh họa)',
    credits: [{ role: 'Bài', author: 'hoang-anh' }],
    tags: ['du lịch cộng đồng', 'biển'],
    body: `## Một ngày làm ngư dân

Từ 4 giờ sáng, du khách được ngư dân đón lên thuyền thúng, ra vùng biển gần bờ để thả lưới và ngắm bình minh. Khoảng hai tiếng sau, thuyền quay về bến, mọi người cùng gỡ cá, học cách phân loại hải sản và mang về nhà chế biến.

## Sinh kế mới cho làng biển

Hiện có 18 hộ tham gia tổ du lịch cộng đồng của làng. Ngoài tiền dịch vụ, người dân còn bán được hải sản tươi, nước mắm, cá khô cho du khách. Chị Nguyễn Thị Hoa, thành viên của tổ, cho biết thu nhập của gia đình tăng thêm khoảng 5 triệu đồng mỗi tháng trong mùa cao điểm.

Địa phương đang hỗ trợ người dân tập huấn kỹ năng phục vụ, ngoại ngữ giao tiếp và trang bị áo phao, thiết bị an toàn cho các chuyến trải nghiệm trên biển.`,
  },
];
